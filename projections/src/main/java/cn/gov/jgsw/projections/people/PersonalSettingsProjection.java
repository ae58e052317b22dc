package cn.gov.jgsw.projections.people;

import cn.gov.jgsw.tenants.api.TenantDocuments;
import cn.gov.jgsw.domain.people.api.DisplayLanguage;
import cn.gov.jgsw.domain.people.api.DisplayLanguageChangedEvent;
import cn.gov.jgsw.projections.people.api.FindPersonalSettingsQuery;
import cn.gov.jgsw.projections.people.api.PersonalSettingsView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code personal_settings}: one document per person, {@code {_id: userId, tenantId, displayLanguage, version}}.
 * Index: unique {@code {tenantId: 1, _id: 1}}, which serves the only query. Applying an event twice (a replay, a
 * redelivery) changes nothing: the stored version guards it.
 */
@Component
@ProcessingGroup(PersonalSettingsProjection.PROCESSING_GROUP)
public class PersonalSettingsProjection {

    public static final String PROCESSING_GROUP = "personal-settings";

    private final MongoCollection<Document> settings;

    public PersonalSettingsProjection(MongoDatabase platformDatabase) {
        this.settings = platformDatabase.getCollection("personal_settings");
        settings.createIndex(Indexes.ascending("tenantId", "_id"), new IndexOptions().unique(true));
    }

    @EventHandler
    void on(DisplayLanguageChangedEvent event, @SequenceNumber long sequenceNumber) {
        Document current = TenantDocuments.find(settings, event.tenantId(), event.userId());
        if (current != null && current.getLong("version") >= sequenceNumber) {
            return;
        }
        settings.replaceOne(Filters.eq("_id", event.userId()),
                new Document("_id", event.userId())
                        .append("tenantId", event.tenantId())
                        .append("displayLanguage", event.language().name())
                        .append("version", sequenceNumber),
                new ReplaceOptions().upsert(true));
    }

    @QueryHandler
    PersonalSettingsView handle(FindPersonalSettingsQuery query) {
        Document found = TenantDocuments.find(settings, query.tenantId(), query.userId());
        if (found == null) {
            return PersonalSettingsView.defaults(query.userId());
        }
        return new PersonalSettingsView(found.getString("_id"),
                DisplayLanguage.valueOf(found.getString("displayLanguage")), found.getLong("version"));
    }
}
