package cn.tongyi.core.finance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Figures frozen as a jsonb column (a published disclosure, a locked year's result), written and read back whole. */
final class StoredJson {

    private StoredJson() {
    }

    static String write(ObjectMapper json, Object figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(ObjectMapper json, String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Frozen figures no longer read as " + type.getSimpleName(), e);
        }
    }
}
