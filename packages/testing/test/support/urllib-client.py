# A Python app's calls to the mock with nothing but the standard library (urllib), one case per
# run: `python3 urllib-client.py <case> <base URL>` prints the case's result as one JSON line.
import base64
import json
import struct
import sys
import time
import urllib.error
import urllib.request

case, base = sys.argv[1], sys.argv[2]
MESSAGES = [{"role": "user", "content": "Hi"}]


def post(path, body):
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        headers={"Authorization": "Bearer test", "Content-Type": "application/json"},
        method="POST",
    )
    return urllib.request.urlopen(request, timeout=30)


def chat_text(answer):
    return answer["choices"][0]["message"]["content"]


def read_stream(on_event):
    body = {"model": "m", "messages": MESSAGES, "stream": True, "stream_options": {"include_usage": True}}
    with post("/chat/completions", body) as response:
        for raw in response:
            line = raw.decode().rstrip("\r\n")
            if not line.startswith("data:"):
                continue
            data = line[5:].strip()
            if data == "[DONE]":
                return
            on_event(json.loads(data))
    # Reading lines, urllib ends quietly where a chunked body was cut: the missing [DONE] says so.
    raise ConnectionError("the stream ended before [DONE]")


def delta_of(event):
    choices = event.get("choices") or [{}]
    return (choices[0].get("delta") or {}).get("content")


def stream():
    pieces, usage = [], {}

    def on_event(event):
        if delta_of(event):
            pieces.append(delta_of(event))
        if event.get("usage"):
            usage.update(event["usage"])

    read_stream(on_event)
    return {"pieces": pieces, "totalTokens": usage.get("total_tokens")}


def embed():
    body = {"model": "m", "input": "Hi", "encoding_format": "base64"}
    with post("/embeddings", body) as response:
        raw = base64.b64decode(json.load(response)["data"][0]["embedding"])
    return list(struct.unpack("<%df" % (len(raw) // 4), raw))


def complete():
    with post("/completions", {"model": "m", "prompt": "Hi"}) as response:
        return json.load(response)["choices"][0]["text"]


def chat():
    with post("/chat/completions", {"model": "m", "messages": MESSAGES}) as response:
        return chat_text(json.load(response))


def refused():
    try:
        post("/chat/completions", {"model": "m", "messages": "not a list"})
    except urllib.error.HTTPError as error:
        return {"status": error.code, "message": json.load(error)["error"]["message"]}
    raise SystemExit("the bad request was answered")


def retried():
    # urllib has no retries of its own: the loop an app writes, waiting as the server says.
    try:
        return chat()
    except urllib.error.HTTPError as error:
        if error.code != 429:
            raise
        time.sleep(int(error.headers.get("Retry-After", "1")))
        return chat()


def read_until_error():
    text = []

    def on_event(event):
        if delta_of(event):
            text.append(delta_of(event))

    try:
        read_stream(on_event)
        return {"text": "".join(text), "error": None}
    except Exception as error:  # noqa: BLE001 - whatever urllib raises is the result
        return {"text": "".join(text), "error": type(error).__name__}


CASES = {
    "chat": chat,
    "stream": stream,
    "embed": embed,
    "complete": complete,
    "refused": refused,
    "retried": retried,
    "readUntilError": read_until_error,
}
print(json.dumps(CASES[case]()))
