package cn.gov.jgsw.tenants.registry;

import cn.gov.jgsw.tenants.api.TenantDirectory;
import cn.gov.jgsw.tenants.api.TenantLevel;
import cn.gov.jgsw.tenants.api.TenantView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bureaus, in the {@code tenants} collection. Looked up by id only (the primary key), so no other index is needed.
 */
@Component
public class MongoTenantRegistry implements TenantDirectory {

    /** Division codes and their periods are dates in China's one time zone. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Guards the walk up the hierarchy against a corrupted parent link that loops. */
    private static final int DEEPEST_HIERARCHY = 8;

    private final MongoCollection<Document> tenants;
    private final Clock clock;

    @Autowired
    public MongoTenantRegistry(MongoDatabase platformDatabase) {
        this(platformDatabase, Clock.systemUTC());
    }

    MongoTenantRegistry(MongoDatabase platformDatabase, Clock clock) {
        this.tenants = platformDatabase.getCollection("tenants");
        this.clock = clock;
    }

    /** Registers the bureau, or replaces its registration when the id is known. */
    public void register(Bureau bureau) {
        List<Document> codes = bureau.divisionCodes().stream()
                .map(c -> new Document("code", c.code())
                        .append("validFrom", c.validFrom().toString())
                        .append("validUntil", c.validUntil() == null ? null : c.validUntil().toString()))
                .toList();
        Document document = new Document("_id", bureau.id())
                .append("name", bureau.name())
                .append("level", bureau.level().name())
                .append("parentId", bureau.parentId())
                .append("divisionCodes", codes);
        tenants.replaceOne(Filters.eq("_id", bureau.id()), document, new ReplaceOptions().upsert(true));
    }

    public Optional<Bureau> findBureau(String tenantId) {
        if (tenantId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tenants.find(Filters.eq("_id", tenantId)).first()).map(MongoTenantRegistry::bureau);
    }

    @Override
    public Optional<TenantView> findTenant(String tenantId) {
        return findBureau(tenantId).map(b -> b.view(today()));
    }

    @Override
    public List<TenantView> lineage(String tenantId) {
        List<TenantView> lineage = new ArrayList<>();
        Optional<TenantView> current = findTenant(tenantId);
        while (current.isPresent() && lineage.size() < DEEPEST_HIERARCHY) {
            lineage.add(current.get());
            current = findTenant(current.get().parentId());
        }
        return lineage;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private static Bureau bureau(Document document) {
        List<DivisionCode> codes = document.getList("divisionCodes", Document.class).stream()
                .map(c -> new DivisionCode(c.getString("code"),
                        LocalDate.parse(c.getString("validFrom")),
                        c.getString("validUntil") == null ? null : LocalDate.parse(c.getString("validUntil"))))
                .toList();
        return new Bureau(document.getString("_id"), document.getString("name"),
                TenantLevel.valueOf(document.getString("level")), document.getString("parentId"), codes);
    }
}
