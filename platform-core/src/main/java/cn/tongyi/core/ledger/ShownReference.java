package cn.tongyi.core.ledger;

import cn.tongyi.core.privacy.OpaqueIds;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;

/**
 * A transfer's reference as clients see it: the sequential ids the ledger keeps for a service request
 * ({@code <branch>:<id>}) or a dispute are written as the opaque ids the API uses for them, so a client matches an
 * entry to its request without learning how many requests a branch has had.
 */
final class ShownReference extends StdSerializer<TransferRequest.Reference> {

    private static final Map<String, OpaqueIds.Kind> SEQUENTIAL = Map.of(
            "SERVICE_REQUEST", OpaqueIds.Kind.SERVICE_REQUEST, "DISPUTE", OpaqueIds.Kind.DISPUTE);

    ShownReference() {
        super(TransferRequest.Reference.class);
    }

    @Override
    public void serialize(TransferRequest.Reference reference, JsonGenerator json, SerializerProvider provider)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("type", reference.type());
        json.writeStringField("id", shownId(reference));
        json.writeEndObject();
    }

    static String shownId(TransferRequest.Reference reference) {
        OpaqueIds.Kind kind = SEQUENTIAL.get(reference.type());
        String id = reference.id();
        if (kind == null || id == null) {
            return id;
        }
        int colon = id.lastIndexOf(':');
        try {
            long number = Long.parseLong(id.substring(colon + 1));
            return id.substring(0, colon + 1) + OpaqueIds.current().seal(kind, number);
        } catch (NumberFormatException e) {
            return id;
        }
    }
}
