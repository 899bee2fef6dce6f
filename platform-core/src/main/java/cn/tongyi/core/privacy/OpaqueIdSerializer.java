package cn.tongyi.core.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes an {@link Opaque} id as the token of the kind its annotation names. */
public final class OpaqueIdSerializer extends StdSerializer<Long> implements ContextualSerializer {

    private final OpaqueIds.Kind kind;
    private final OpaqueIds ids;

    public OpaqueIdSerializer() {
        this(null, null);
    }

    private OpaqueIdSerializer(OpaqueIds.Kind kind, OpaqueIds ids) {
        super(Long.class);
        this.kind = kind;
        this.ids = ids;
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) {
        Opaque opaque = property == null ? null : property.getAnnotation(Opaque.class);
        if (opaque == null) {
            throw new IllegalStateException("An opaque id needs @Opaque on its property: " + property);
        }
        return new OpaqueIdSerializer(opaque.value(), OpaqueIds.current());
    }

    @Override
    public void serialize(Long id, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeString(ids.seal(kind, id));
    }
}
