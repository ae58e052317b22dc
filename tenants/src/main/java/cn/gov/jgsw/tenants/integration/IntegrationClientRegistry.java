package cn.gov.jgsw.tenants.integration;

import cn.gov.jgsw.tenants.api.PagedCollection;
import cn.gov.jgsw.tenants.api.TenantDocuments;
import cn.gov.jgsw.domain.integration.api.IntegrationClientDisabledEvent;
import cn.gov.jgsw.domain.integration.api.IntegrationClientRegisteredEvent;
import cn.gov.jgsw.domain.integration.api.IntegrationClientSecretIssuedEvent;
import cn.gov.jgsw.domain.integration.api.IntegrationScope;
import cn.gov.jgsw.tenants.api.IntegrationClientDirectory;
import cn.gov.jgsw.tenants.api.IntegrationClientView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Keeps {@code integration_clients} from the clients' events: {@code {_id: clientId, tenantId, name, scopes, disabled,
 * registeredAt, secrets: [{_id, fingerprint, issuedAt, validUntil}], version}}. It is what the token endpoint and the
 * machine endpoints consult, and what the bureau admin lists. Index: unique {@code {tenantId: 1, _id: 1}}; the token
 * endpoint finds a client by {@code _id}. Applying an event twice changes nothing: the stored version guards it.
 */
@Component
@ProcessingGroup(IntegrationClientRegistry.PROCESSING_GROUP)
public class IntegrationClientRegistry implements IntegrationClientDirectory {

    public static final String PROCESSING_GROUP = "integration-clients";

    /** The read model's collection. */
    public static final String COLLECTION = "integration_clients";

    private final MongoCollection<Document> clients;

    /** Read in pages by its screens (the bureau admin's list of machines). */
    @Bean
    static PagedCollection integrationClientRegistryPages() {
        return PagedCollection.of(COLLECTION);
    }

    public IntegrationClientRegistry(MongoDatabase platformDatabase) {
        this.clients = platformDatabase.getCollection(COLLECTION);
        clients.createIndex(Indexes.ascending("tenantId", "_id"), new IndexOptions().unique(true));
    }

    @EventHandler
    void on(IntegrationClientRegisteredEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        if (clients.find(Filters.eq("_id", event.clientId())).first() != null) {
            return;
        }
        clients.insertOne(new Document("_id", event.clientId())
                .append("tenantId", event.tenantId())
                .append("name", event.name())
                .append("scopes", event.scopes().stream().map(IntegrationScope::name).toList())
                .append("disabled", false)
                .append("registeredAt", Date.from(at))
                .append("secrets", new ArrayList<Document>())
                .append("version", sequenceNumber));
    }

    @EventHandler
    void on(IntegrationClientSecretIssuedEvent event, @SequenceNumber long sequenceNumber) {
        Document client = unapplied(event.clientId(), sequenceNumber);
        if (client == null) {
            return;
        }
        List<Document> secrets = new ArrayList<>();
        for (Document secret : client.getList("secrets", Document.class)) {
            Date validUntil = secret.getDate("validUntil");
            Date cutOff = Date.from(event.previousSecretsValidUntil() == null
                    ? event.issuedAt() : event.previousSecretsValidUntil());
            // A rotation shortens the earlier secrets' lives, never lengthens them.
            if (validUntil == null || validUntil.after(cutOff)) {
                secret.put("validUntil", cutOff);
            }
            secrets.add(secret);
        }
        secrets.add(0, new Document("_id", event.secretId())
                .append("fingerprint", event.secretFingerprint())
                .append("issuedAt", Date.from(event.issuedAt()))
                .append("validUntil", null));
        clients.updateOne(Filters.eq("_id", event.clientId()),
                Updates.combine(Updates.set("secrets", secrets), Updates.set("version", sequenceNumber)));
    }

    @EventHandler
    void on(IntegrationClientDisabledEvent event, @SequenceNumber long sequenceNumber) {
        if (unapplied(event.clientId(), sequenceNumber) == null) {
            return;
        }
        clients.updateOne(Filters.eq("_id", event.clientId()),
                Updates.combine(Updates.set("disabled", true), Updates.set("version", sequenceNumber)));
    }

    /** The client's document if the event at this sequence number is not yet applied to it, else null. */
    private Document unapplied(String clientId, long sequenceNumber) {
        Document client = clients.find(Filters.eq("_id", clientId)).first();
        return client == null || client.getLong("version") >= sequenceNumber ? null : client;
    }

    /** Any client by id, whatever its bureau: for the token endpoint, which learns the bureau from the client. */
    public Optional<IntegrationClientView> findClient(String clientId) {
        return Optional.ofNullable(clients.find(Filters.eq("_id", clientId)).first()).map(IntegrationClientRegistry::view);
    }

    @Override
    public Optional<IntegrationClientView> findClient(String tenantId, String clientId) {
        return Optional.ofNullable(TenantDocuments.find(clients, tenantId, clientId))
                .map(IntegrationClientRegistry::view);
    }

    @Override
    public List<IntegrationClientView> clients(String tenantId, String afterId, int limit) {
        Bson ofBureau = Filters.eq("tenantId", tenantId);
        Bson filter = afterId == null ? ofBureau : Filters.and(ofBureau, Filters.gt("_id", afterId));
        return clients.find(filter).sort(Sorts.ascending("tenantId", "_id")).limit(limit)
                .map(IntegrationClientRegistry::view).into(new ArrayList<>());
    }

    private static IntegrationClientView view(Document client) {
        List<IntegrationClientView.Secret> secrets = client.getList("secrets", Document.class).stream()
                .map(secret -> new IntegrationClientView.Secret(secret.getString("_id"), secret.getString("fingerprint"),
                        secret.getDate("issuedAt").toInstant(),
                        secret.getDate("validUntil") == null ? null : secret.getDate("validUntil").toInstant()))
                .sorted(Comparator.comparing(IntegrationClientView.Secret::issuedAt).reversed())
                .toList();
        return new IntegrationClientView(client.getString("_id"), client.getString("tenantId"), client.getString("name"),
                client.getList("scopes", String.class).stream().map(IntegrationScope::valueOf).toList(),
                client.getBoolean("disabled"), client.getDate("registeredAt").toInstant(), secrets,
                client.getLong("version"));
    }
}
