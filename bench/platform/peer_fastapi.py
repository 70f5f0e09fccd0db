"""FastAPI peer for the platform benchmark: the same two endpoints, done the usual Python way.

/health/live returns a small JSON document; /api/v1/me verifies an HS256 bearer token (PyJWT) and returns the
user as JSON, like Powerhouse does (Powerhouse also checks the account against its database, cached 2 s).
Run with uvicorn, one worker per core, as FastAPI's documentation recommends for production.
"""
import os

import jwt
from fastapi import FastAPI, Header, HTTPException

SECRET = os.environ.get("PEER_SECRET", "s" * 48)
app = FastAPI()
USER = {"id": "00000000-0000-0000-0000-000000000001", "username": "admin", "role": "admin", "disabled": False}


@app.get("/health/live")
def live():
    return {"status": "ok", "version": "peer"}


@app.get("/api/v1/me")
def me(authorization: str = Header(default="")):
    if not authorization.startswith("Bearer "):
        raise HTTPException(status_code=401)
    try:
        jwt.decode(authorization[7:], SECRET, algorithms=["HS256"], audience="powerhouse-api", issuer="powerhouse")
    except jwt.PyJWTError:
        raise HTTPException(status_code=401)
    return {"user": USER, "permissions": ["users.read"], "authenticated_with": "access_token"}
