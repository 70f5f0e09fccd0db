print("plants-bench: not written yet")
