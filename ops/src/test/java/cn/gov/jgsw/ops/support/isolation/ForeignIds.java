package cn.gov.jgsw.ops.support.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the ids in an answer that the caller may not see. An id is any value of an id field of the schema, anywhere in
 * {@code data}. A caller sees the objects of their own bureau; bureaus themselves are seen by the bureaus below them
 * (the contract shows every person their bureau's chain up to the province, {@code Me.bureau.parent}); and a supervisor
 * sees the objects of the bureaus at or below their own through the operations made for it.
 */
final class ForeignIds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> idFieldNames;
    private final Bureaus bureaus;
    private final IdOwners owners;
    private final MatrixCases cases;

    ForeignIds(Set<String> idFieldNames, Bureaus bureaus, IdOwners owners, MatrixCases cases) {
        this.idFieldNames = idFieldNames;
        this.bureaus = bureaus;
        this.owners = owners;
        this.cases = cases;
    }

    /** Each id the caller may not see, with the bureau it belongs to. */
    List<String> in(MatrixCase request, Answer answer) {
        List<String> foreign = new ArrayList<>();
        for (String id : idsIn(answer)) {
            if (bureaus.exists(id)) {
                if (!bureaus.isWithin(request.caller().bureau(), id)
                        && !cases.mayRead(request.caller(), request.operation(), id)) {
                    foreign.add(id + " (a bureau not above the caller's)");
                }
                continue;
            }
            Optional<String> owner = owners.ownerOf(id);
            if (owner.isEmpty()) {
                foreign.add(id + " (of no known bureau)");
            } else if (!owner.get().equals(request.caller().bureau())
                    && !cases.mayRead(request.caller(), request.operation(), owner.get())) {
                foreign.add(id + " (of " + owner.get() + ")");
            }
        }
        return foreign;
    }

    private List<String> idsIn(Answer answer) {
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException notJson) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        collect(body == null ? null : body.get("data"), ids);
        return ids;
    }

    private void collect(JsonNode node, List<String> ids) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, ids));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (idFieldNames.contains(field.getKey()) && field.getValue().isTextual()) {
                ids.add(field.getValue().asText());
            } else {
                collect(field.getValue(), ids);
            }
        }
    }
}
