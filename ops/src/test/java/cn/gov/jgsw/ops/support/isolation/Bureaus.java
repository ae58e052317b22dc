package cn.gov.jgsw.ops.support.isolation;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bureau hierarchy as the platform stores it ({@code tenants}: id and parent), read once. */
public final class Bureaus {

    private final Map<String, String> parents = new HashMap<>();

    public Bureaus(MongoDatabase database) {
        for (Document bureau : database.getCollection("tenants").find()) {
            parents.put(bureau.getString("_id"), bureau.getString("parentId"));
        }
    }

    public boolean exists(String bureauId) {
        return parents.containsKey(bureauId);
    }

    /** True if {@code bureauId} is {@code ancestor} or below it. */
    public boolean isWithin(String bureauId, String ancestor) {
        for (String current = bureauId; current != null; current = parents.get(current)) {
            if (current.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bureaus a caller of {@code bureauId} is tested against: itself, the first other bureau under the same parent,
     * the parent and the first bureau below it (by id); a relation the hierarchy lacks (a county has no child) is
     * missing from the map.
     */
    public Map<Relation, String> relativesOf(String bureauId) {
        Map<Relation, String> relatives = new EnumMap<>(Relation.class);
        relatives.put(Relation.OWN, bureauId);
        String parent = parents.get(bureauId);
        if (parent != null) {
            relatives.put(Relation.PARENT, parent);
            firstChildOf(parent, bureauId).ifPresent(sibling -> relatives.put(Relation.SIBLING, sibling));
        }
        firstChildOf(bureauId, null).ifPresent(child -> relatives.put(Relation.CHILD, child));
        return relatives;
    }

    private Optional<String> firstChildOf(String parent, String except) {
        List<String> children = new ArrayList<>();
        parents.forEach((bureau, itsParent) -> {
            if (parent.equals(itsParent) && !bureau.equals(except)) {
                children.add(bureau);
            }
        });
        return children.stream().sorted().findFirst();
    }
}
