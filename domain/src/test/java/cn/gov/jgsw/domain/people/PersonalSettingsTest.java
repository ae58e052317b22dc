package cn.gov.jgsw.domain.people;

import cn.gov.jgsw.domain.people.api.ChangeDisplayLanguageCommand;
import cn.gov.jgsw.domain.people.api.DisplayLanguage;
import cn.gov.jgsw.domain.people.api.DisplayLanguageChangedEvent;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import cn.gov.jgsw.domain.shared.api.ObjectNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.gov.jgsw.domain.Refusals.refusedWith;

class PersonalSettingsTest {

    private static final String USER = "user-nanming-civil-servant";
    private static final String NANMING = "bureau-nanming";

    private AggregateTestFixture<PersonalSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PersonalSettings.class);
    }

    @Test
    void theFirstChangeCreatesTheSettingsInThePersonsBureau() {
        fixture.givenNoPriorActivity()
                .when(new ChangeDisplayLanguageCommand(USER, NANMING, DisplayLanguage.EN))
                .expectEvents(new DisplayLanguageChangedEvent(USER, NANMING, DisplayLanguage.EN))
                .expectResultMessagePayload(0L);
    }

    @Test
    void aLaterChangeIsRecordedAndAnswersTheNewVersion() {
        fixture.given(new DisplayLanguageChangedEvent(USER, NANMING, DisplayLanguage.EN))
                .when(new ChangeDisplayLanguageCommand(USER, NANMING, DisplayLanguage.ZH_CN))
                .expectEvents(new DisplayLanguageChangedEvent(USER, NANMING, DisplayLanguage.ZH_CN))
                .expectResultMessagePayload(1L);
    }

    @Test
    void choosingTheLanguageAlreadyInForceRecordsNothing() {
        fixture.given(new DisplayLanguageChangedEvent(USER, NANMING, DisplayLanguage.EN))
                .when(new ChangeDisplayLanguageCommand(USER, NANMING, DisplayLanguage.EN))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aCommandNamingAnotherBureauFindsNothing() {
        fixture.given(new DisplayLanguageChangedEvent(USER, NANMING, DisplayLanguage.EN))
                .when(new ChangeDisplayLanguageCommand(USER, "bureau-yunyan", DisplayLanguage.ZH_CN))
                .expectNoEvents()
                .expectException(ObjectNotFoundException.class);
    }

    @Test
    void aMissingLanguageIsRefusedAsInvalidInput() {
        fixture.givenNoPriorActivity()
                .when(new ChangeDisplayLanguageCommand(USER, NANMING, null))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.INVALID_INPUT));
    }
}
