package cn.gov.jgsw.domain.property;

import cn.gov.jgsw.domain.property.api.AcceptServiceRequestCommand;
import cn.gov.jgsw.domain.property.api.AttachServicePhotoCommand;
import cn.gov.jgsw.domain.property.api.ConfirmServiceRequestCommand;
import cn.gov.jgsw.domain.property.api.CostApprovalOutcome;
import cn.gov.jgsw.domain.property.api.QuoteServiceCostCommand;
import cn.gov.jgsw.domain.property.api.ServiceCostQuotedEvent;
import cn.gov.jgsw.domain.property.api.ServiceCostSettledEvent;
import cn.gov.jgsw.domain.property.api.SettleServiceCostCommand;
import cn.gov.jgsw.domain.property.api.FinishServiceWorkCommand;
import cn.gov.jgsw.domain.property.api.PropertyErrorCode;
import cn.gov.jgsw.domain.property.api.PropertyServiceRequestedEvent;
import cn.gov.jgsw.domain.property.api.RecordServiceLevelBreachCommand;
import cn.gov.jgsw.domain.property.api.ReopenServiceRequestCommand;
import cn.gov.jgsw.domain.property.api.RequestPropertyServiceCommand;
import cn.gov.jgsw.domain.property.api.ServiceCategory;
import cn.gov.jgsw.domain.property.api.ServiceLevelBreachedEvent;
import cn.gov.jgsw.domain.property.api.ServicePhotoAttachedEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestAcceptedEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestConfirmedEvent;
import cn.gov.jgsw.domain.property.api.ServiceRequestReopenedEvent;
import cn.gov.jgsw.domain.property.api.ServiceWorkFinishedEvent;
import cn.gov.jgsw.domain.property.api.ServiceWorkStartedEvent;
import cn.gov.jgsw.domain.property.api.StartServiceWorkCommand;
import cn.gov.jgsw.domain.property.api.Urgency;
import cn.gov.jgsw.domain.shared.api.AuditMetadataKeys;
import cn.gov.jgsw.domain.shared.api.CommonErrorCode;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static cn.gov.jgsw.domain.Refusals.refusedWith;

class ServiceRequestTest {

    private static final String REQUEST = "service-1";
    private static final String NANMING = "bureau-nanming";
    private static final String CLERK = "user-nanming-civil-servant";
    private static final String STAFF = "user-nanming-property-staff";
    private static final Instant ASKED = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant DUE = ASKED.plus(Duration.ofDays(1));
    private static final String BASIS = "URGENT within 1 working days, work calendar 2026v0";

    private final AggregateTestFixture<ServiceRequest> fixture = new AggregateTestFixture<>(ServiceRequest.class);

    private static RequestPropertyServiceCommand request(String building, String room, String description) {
        return new RequestPropertyServiceCommand(REQUEST, NANMING, CLERK, ServiceCategory.REPAIR, building, room,
                description, Urgency.URGENT, ASKED, DUE, BASIS);
    }

    private static PropertyServiceRequestedEvent requested() {
        return new PropertyServiceRequestedEvent(REQUEST, NANMING, CLERK, ServiceCategory.REPAIR, "1号楼", "301",
                "空调不制冷", Urgency.URGENT, ASKED, DUE, BASIS);
    }

    private static ServiceRequestAcceptedEvent accepted() {
        return new ServiceRequestAcceptedEvent(REQUEST, NANMING, STAFF, STAFF);
    }

    private static ServiceWorkFinishedEvent finished() {
        return new ServiceWorkFinishedEvent(REQUEST, NANMING, STAFF, "更换压缩机电容", ASKED.plusSeconds(3600));
    }

    @Test
    void aCivilServantAsksForAServiceWithItsDueTime() {
        fixture.givenNoPriorActivity()
                .when(request(" 1号楼 ", "301", "空调不制冷"))
                .expectEvents(requested())
                .expectResultMessagePayload(0L);
    }

    @Test
    void placeAndDescriptionMustBePlainTextOfBoundedLength() {
        for (RequestPropertyServiceCommand invalid : new RequestPropertyServiceCommand[]{
                request(" ", "301", "空调不制冷"), request("1号楼", "3\u202E01", "空调不制冷"),
                request("1号楼", "301", "坏".repeat(501)), request("1号楼", "301", null)}) {
            fixture.givenNoPriorActivity()
                    .when(invalid)
                    .expectNoEvents()
                    .expectException(refusedWith(PropertyErrorCode.INVALID_SERVICE_REQUEST));
        }
    }

    @Test
    void theSameRequestKeyAgainAnswersAsBefore() {
        fixture.given(GenericEventMessage.asEventMessage(requested())
                        .andMetaData(Map.of(AuditMetadataKeys.IDEMPOTENCY_KEY, "k1")))
                .when(request("1号楼", "301", "空调不制冷"), Map.of(AuditMetadataKeys.IDEMPOTENCY_KEY, "k1"))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void staffAcceptStartAndFinishTheWork() {
        fixture.given(requested())
                .when(new AcceptServiceRequestCommand(REQUEST, NANMING, STAFF, STAFF))
                .expectEvents(accepted());
        fixture.given(requested(), accepted())
                .when(new StartServiceWorkCommand(REQUEST, NANMING, STAFF))
                .expectEvents(new ServiceWorkStartedEvent(REQUEST, NANMING, STAFF));
        fixture.given(requested(), accepted(), new ServiceWorkStartedEvent(REQUEST, NANMING, STAFF))
                .when(new FinishServiceWorkCommand(REQUEST, NANMING, STAFF, " 更换压缩机电容 ", ASKED.plusSeconds(3600)))
                .expectEvents(finished());
    }

    @Test
    void onlyTheAssigneeWorksOnItAndOnlyInOrder() {
        fixture.given(requested(), accepted())
                .when(new StartServiceWorkCommand(REQUEST, NANMING, "user-nanming-someone-else"))
                .expectNoEvents()
                .expectException(refusedWith(PropertyErrorCode.NOT_THE_ASSIGNEE));
        fixture.given(requested())
                .when(new FinishServiceWorkCommand(REQUEST, NANMING, STAFF, "完成", ASKED))
                .expectNoEvents()
                .expectException(refusedWith(PropertyErrorCode.INVALID_SERVICE_TRANSITION));
    }

    private static ServiceCostQuotedEvent quoted(int number, long costFen) {
        return new ServiceCostQuotedEvent(REQUEST, NANMING, STAFF, number, costFen, "更换空调压缩机",
                ServiceCategory.REPAIR, "1号楼", "301");
    }

    @Test
    void theAssigneeQuotesACostBeforeStartingAndWorkWaitsForItsApproval() {
        fixture.given(requested(), accepted())
                .when(new QuoteServiceCostCommand(REQUEST, NANMING, STAFF, 620_000, " 更换空调压缩机 "))
                .expectEvents(quoted(1, 620_000));
        fixture.given(requested(), accepted(), quoted(1, 620_000))
                .when(new StartServiceWorkCommand(REQUEST, NANMING, STAFF))
                .expectNoEvents()
                .expectException(refusedWith(PropertyErrorCode.INVALID_SERVICE_TRANSITION));
        fixture.given(requested(), accepted(), quoted(1, 620_000))
                .when(new QuoteServiceCostCommand(REQUEST, NANMING, STAFF, 10_000, "另一项"))
                .expectNoEvents()
                .expectException(refusedWith(PropertyErrorCode.INVALID_SERVICE_TRANSITION));
    }

    @Test
    void onlyTheAssigneeQuotesAndOnlyASensibleCostWithANote() {
        fixture.given(requested(), accepted())
                .when(new QuoteServiceCostCommand(REQUEST, NANMING, CLERK, 620_000, "更换空调压缩机"))
                .expectNoEvents()
                .expectException(refusedWith(PropertyErrorCode.NOT_THE_ASSIGNEE));
        fixture.given(requested())
                .when(new QuoteServiceCostCommand(REQUEST, NANMING, STAFF, 620_000, "更换空调压缩机"))
                .expectNoEvents()
                .expectException(refusedWith(PropertyErrorCode.INVALID_SERVICE_TRANSITION));
        for (QuoteServiceCostCommand invalid : new QuoteServiceCostCommand[]{
                new QuoteServiceCostCommand(REQUEST, NANMING, STAFF, 0, "更换空调压缩机"),
                new QuoteServiceCostCommand(REQUEST, NANMING, STAFF, -5, "更换空调压缩机"),
                new QuoteServiceCostCommand(REQUEST, NANMING, STAFF, 100_000_001L, "更换空调压缩机"),
                new QuoteServiceCostCommand(REQUEST, NANMING, STAFF, 620_000, " "),
                new QuoteServiceCostCommand(REQUEST, NANMING, STAFF, 620_000, "压缩机\u202E")}) {
            fixture.given(requested(), accepted())
                    .when(invalid)
                    .expectNoEvents()
                    .expectException(refusedWith(PropertyErrorCode.INVALID_COST_QUOTE));
        }
    }

    @Test
    void theApprovalsOutcomeIsRecordedOnceAndTheWorkGoesOn() {
        ServiceCostSettledEvent approved = new ServiceCostSettledEvent(REQUEST, NANMING, 1, 620_000,
                CostApprovalOutcome.APPROVED, "user-nanming-approver", null);
        fixture.given(requested(), accepted(), quoted(1, 620_000))
                .when(new SettleServiceCostCommand(REQUEST, NANMING, 1, CostApprovalOutcome.APPROVED,
                        "user-nanming-approver", null))
                .expectEvents(approved);
        fixture.given(requested(), accepted(), quoted(1, 620_000), approved)
                .when(new SettleServiceCostCommand(REQUEST, NANMING, 1, CostApprovalOutcome.APPROVED,
                        "user-nanming-approver", null))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
        fixture.given(requested(), accepted(), quoted(1, 620_000), approved)
                .when(new StartServiceWorkCommand(REQUEST, NANMING, STAFF))
                .expectEvents(new ServiceWorkStartedEvent(REQUEST, NANMING, STAFF));
        ServiceCostSettledEvent returned = new ServiceCostSettledEvent(REQUEST, NANMING, 1, 620_000,
                CostApprovalOutcome.RETURNED, "user-nanming-approver", "请附两家报价");
        fixture.given(requested(), accepted(), quoted(1, 620_000), returned)
                .when(new QuoteServiceCostCommand(REQUEST, NANMING, STAFF, 580_000, "更换空调压缩机"))
                .expectEvents(new ServiceCostQuotedEvent(REQUEST, NANMING, STAFF, 2, 580_000, "更换空调压缩机",
                        ServiceCategory.REPAIR, "1号楼", "301"));
        fixture.given(requested(), accepted())
                .when(new SettleServiceCostCommand(REQUEST, NANMING, 1, CostApprovalOutcome.APPROVED, "x", null))
                .expectNoEvents()
                .expectException(refusedWith(PropertyErrorCode.INVALID_SERVICE_TRANSITION));
    }

    @Test
    void theRequesterConfirmsAndRatesOrReopensWithAReason() {
        fixture.given(requested(), accepted(), finished())
                .when(new ConfirmServiceRequestCommand(REQUEST, NANMING, CLERK, 5, "及时"))
                .expectEvents(new ServiceRequestConfirmedEvent(REQUEST, NANMING, CLERK, 5, "及时"));
        fixture.given(requested(), accepted(), finished())
                .when(new ConfirmServiceRequestCommand(REQUEST, NANMING, CLERK, 6, null))
                .expectNoEvents()
                .expectException(refusedWith(PropertyErrorCode.INVALID_RATING));
        fixture.given(requested(), accepted(), finished())
                .when(new ConfirmServiceRequestCommand(REQUEST, NANMING, STAFF, 5, null))
                .expectNoEvents()
                .expectException(refusedWith(PropertyErrorCode.NOT_THE_REQUESTER));
        fixture.given(requested(), accepted(), finished())
                .when(new ReopenServiceRequestCommand(REQUEST, NANMING, CLERK, " "))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.REASON_REQUIRED));
        fixture.given(requested(), accepted(), finished())
                .when(new ReopenServiceRequestCommand(REQUEST, NANMING, CLERK, "仍不制冷"))
                .expectEvents(new ServiceRequestReopenedEvent(REQUEST, NANMING, CLERK, "仍不制冷"));
        fixture.given(requested(), accepted(), finished(),
                        new ServiceRequestReopenedEvent(REQUEST, NANMING, CLERK, "仍不制冷"))
                .when(new StartServiceWorkCommand(REQUEST, NANMING, STAFF))
                .expectEvents(new ServiceWorkStartedEvent(REQUEST, NANMING, STAFF));
    }

    @Test
    void aMissedDueTimeIsRecordedOnceAndOnlyWhenReallyMissed() {
        Instant late = DUE.plusSeconds(1);
        fixture.given(requested(), accepted())
                .when(new RecordServiceLevelBreachCommand(REQUEST, NANMING, late))
                .expectEvents(new ServiceLevelBreachedEvent(REQUEST, NANMING, DUE, late));
        fixture.given(requested(), accepted(), new ServiceLevelBreachedEvent(REQUEST, NANMING, DUE, late))
                .when(new RecordServiceLevelBreachCommand(REQUEST, NANMING, late.plusSeconds(60)))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(requested())
                .when(new RecordServiceLevelBreachCommand(REQUEST, NANMING, DUE.minusSeconds(1)))
                .expectNoEvents();
        fixture.given(requested(), accepted(), finished())
                .when(new RecordServiceLevelBreachCommand(REQUEST, NANMING, late))
                .expectNoEvents();
    }

    @Test
    void theRequesterAttachesUpToThreePhotosOfLimitedTypeAndSize() {
        fixture.given(requested())
                .when(new AttachServicePhotoCommand(REQUEST, NANMING, CLERK, "photo-1", "image/jpeg", 2048, "ab"))
                .expectEvents(new ServicePhotoAttachedEvent(REQUEST, NANMING, "photo-1", "image/jpeg", 2048, "ab"));
        fixture.given(requested())
                .when(new AttachServicePhotoCommand(REQUEST, NANMING, STAFF, "photo-1", "image/jpeg", 2048, "ab"))
                .expectNoEvents()
                .expectException(refusedWith(PropertyErrorCode.NOT_THE_REQUESTER));
        for (AttachServicePhotoCommand invalid : new AttachServicePhotoCommand[]{
                new AttachServicePhotoCommand(REQUEST, NANMING, CLERK, "photo-1", "image/gif", 2048, "ab"),
                new AttachServicePhotoCommand(REQUEST, NANMING, CLERK, "photo-1", "image/png", 1024 * 1024 + 1, "ab"),
                new AttachServicePhotoCommand(REQUEST, NANMING, CLERK, "photo-1", "image/png", 0, "ab")}) {
            fixture.given(requested())
                    .when(invalid)
                    .expectNoEvents()
                    .expectException(refusedWith(PropertyErrorCode.INVALID_PHOTO));
        }
        fixture.given(requested(), photo("photo-1"), photo("photo-2"), photo("photo-3"))
                .when(new AttachServicePhotoCommand(REQUEST, NANMING, CLERK, "photo-4", "image/png", 10, "ab"))
                .expectNoEvents()
                .expectException(refusedWith(PropertyErrorCode.TOO_MANY_PHOTOS));
        fixture.given(requested(), photo("photo-1"))
                .when(new AttachServicePhotoCommand(REQUEST, NANMING, CLERK, "photo-1", "image/png", 10, "ab"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    private static ServicePhotoAttachedEvent photo(String photoId) {
        return new ServicePhotoAttachedEvent(REQUEST, NANMING, photoId, "image/png", 10, "ab");
    }

    @Test
    void anotherBureausRequestIsNotFound() {
        fixture.given(requested())
                .when(new AcceptServiceRequestCommand(REQUEST, "bureau-yunyan", "user-yunyan-property-staff",
                        "user-yunyan-property-staff"))
                .expectNoEvents()
                .expectException(refusedWith(CommonErrorCode.NOT_FOUND));
    }
}
