"""A JSON-RPC 2.0 device on stdin/stdout for the validation suite: add, fail, wrong_id; silent otherwise."""
import json
import sys

for line in sys.stdin:
    try:
        req = json.loads(line)
    except ValueError:
        continue
    method, rid = req.get("method"), req.get("id")
    if method == "add":
        reply = {"jsonrpc": "2.0", "result": sum(req["params"]), "id": rid}
    elif method == "fail":
        reply = {"jsonrpc": "2.0", "error": {"code": -1, "message": "refused"}, "id": rid}
    elif method == "wrong_id":
        reply = {"jsonrpc": "2.0", "result": 0, "id": -1}
    else:
        continue
    print(json.dumps(reply), flush=True)
