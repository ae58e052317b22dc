package cn.gov.jgsw.projections.people;

import cn.gov.jgsw.domain.people.api.DisplayLanguage;
import cn.gov.jgsw.domain.people.api.DisplayLanguageChangedEvent;
import cn.gov.jgsw.projections.people.api.FindPersonalSettingsQuery;
import cn.gov.jgsw.projections.people.api.PersonalSettingsView;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection, called handler by handler, over the real driver and an in-memory MongoDB-wire server. */
class PersonalSettingsProjectionTest {

    private static final String NANMING = "bureau-nanming";
    private static final String PERSON = "user-nanming-civil-servant";

    private MongoServer server;
    private MongoClient client;
    private PersonalSettingsProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        projection = new PersonalSettingsProjection(client.getDatabase("test"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aPersonWhoNeverChangedAnythingSeesTheDefaults() {
        assertThat(projection.handle(new FindPersonalSettingsQuery(NANMING, PERSON)))
                .isEqualTo(new PersonalSettingsView(PERSON, DisplayLanguage.ZH_CN, -1));
    }

    @Test
    void theNewestChangeIsShownWithItsVersion() {
        projection.on(new DisplayLanguageChangedEvent(PERSON, NANMING, DisplayLanguage.EN), 0);
        projection.on(new DisplayLanguageChangedEvent(PERSON, NANMING, DisplayLanguage.ZH_CN), 1);

        assertThat(projection.handle(new FindPersonalSettingsQuery(NANMING, PERSON)))
                .isEqualTo(new PersonalSettingsView(PERSON, DisplayLanguage.ZH_CN, 1));
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        projection.on(new DisplayLanguageChangedEvent(PERSON, NANMING, DisplayLanguage.EN), 0);
        projection.on(new DisplayLanguageChangedEvent(PERSON, NANMING, DisplayLanguage.ZH_CN), 1);
        projection.on(new DisplayLanguageChangedEvent(PERSON, NANMING, DisplayLanguage.EN), 0);

        assertThat(projection.handle(new FindPersonalSettingsQuery(NANMING, PERSON)).displayLanguage())
                .isEqualTo(DisplayLanguage.ZH_CN);
    }

    @Test
    void anotherBureauAskingForThePersonGetsOnlyDefaults() {
        projection.on(new DisplayLanguageChangedEvent(PERSON, NANMING, DisplayLanguage.EN), 0);

        assertThat(projection.handle(new FindPersonalSettingsQuery("bureau-yunyan", PERSON)).version()).isEqualTo(-1);
    }
}
