print("powerhouse")
