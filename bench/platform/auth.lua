-- wrk script: send the bearer token from $TOKEN with every request.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
