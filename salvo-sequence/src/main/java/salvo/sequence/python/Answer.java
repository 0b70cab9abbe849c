package salvo.sequence.python;

import com.fasterxml.jackson.databind.JsonNode;

/** What the helper answered to one request: ok with its fields, or the error it gave. */
public record Answer(boolean ok, JsonNode body, String error) {
    public Object value() {
        return Json.fromJson(body.get("value"));
    }

    public String text(String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? "" : n.asText();
    }

    static Answer of(JsonNode body) {
        boolean ok = body.path("ok").asBoolean(false);
        return new Answer(ok, body, ok ? "" : body.path("error").asText("the helper gave no reason"));
    }

    static Answer failed(String why) {
        return new Answer(false, Json.MAPPER.createObjectNode(), why);
    }
}
