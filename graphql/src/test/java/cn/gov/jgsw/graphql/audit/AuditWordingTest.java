package cn.gov.jgsw.graphql.audit;

import cn.gov.jgsw.projections.audit.api.AuditEventView;
import cn.gov.jgsw.projections.audit.api.EventIntegrity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event of the domain has its words in Chinese and English, so the record reads as business, not as code. */
class AuditWordingTest {

    private final AuditWording wording = new AuditWording();

    @Test
    void everyEventTypeHasChineseAndEnglishWords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*\\.api\\.[A-Za-z]+Event")));
        Set<String> events = scanner.findCandidateComponents("cn.gov.jgsw.domain").stream()
                .map(BeanDefinition::getBeanClassName).map(name -> name.substring(name.lastIndexOf('.') + 1))
                .collect(Collectors.toSet());

        assertThat(events).hasSizeGreaterThan(50).contains("VehicleOrderedEvent", "ChildTreeHeadWitnessedEvent");
        for (String event : events) {
            assertThat(wording.meaning(event, Locale.SIMPLIFIED_CHINESE)).as(event).isNotEqualTo(event)
                    .matches(".*\\p{IsHan}.*");
            assertThat(wording.meaning(event, Locale.ENGLISH)).as(event).isNotEqualTo(event)
                    .matches("[a-z][a-z ',-]+");
        }
    }

    @Test
    void aSummarySaysWhoWhatWhyAndFromWhere() {
        AuditEventView rejected = new AuditEventView("e1", "bureau-nanming", 7, "VehicleOrder", "order-1", 2,
                "VehicleOrderRejectedEvent", Instant.parse("2026-11-26T02:00:00Z"), "user-nanming-approver",
                "APPROVER", "mobile-app/1.4.0", Map.of("reason", "非公务用途"), "ab".repeat(32),
                "ab".repeat(32), EventIntegrity.VERIFIED);

        assertThat(wording.summary(rejected, "南明区机关事务管理局 审批人", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("南明区机关事务管理局 审批人 用车申请被驳回：非公务用途（来自 mobile-app/1.4.0）");
        assertThat(wording.summary(rejected, null, Locale.ENGLISH))
                .isEqualTo("user-nanming-approver vehicle order rejected: 非公务用途 (from mobile-app/1.4.0)");
    }
}
