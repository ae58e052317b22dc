package cn.gov.jgsw.ops.axon;

import org.axonframework.modelling.command.AggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain's aggregates register themselves, and the vehicle orders' approval process keeps the name its processor
 * had as a saga. Its position in the event stream is stored under that name: under another name, a platform upgraded
 * while orders were waiting to be routed would start from the head of the stream and never route them.
 */
class DomainAggregatesConfigurationTest {

    @Test
    void theOrderApprovalProcessKeepsTheNameOfTheSagasProcessor() {
        assertThat(DomainAggregatesConfiguration.ORDER_APPROVAL_PROCESSOR)
                .isEqualTo("VehicleOrderApprovalProcessProcessor");
    }

    /**
     * An aggregate registers itself by Axon's {@code @AggregateRoot} on its class: one that has an identifier but not
     * the mark would never be registered, and its commands would find no handler.
     */
    @Test
    void everyClassWithAnAggregateIdentifierIsRegistered() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> Stream.of(ClassUtils.resolveClassName(
                        reader.getClassMetadata().getClassName(), getClass().getClassLoader()).getDeclaredFields())
                .anyMatch(field -> field.isAnnotationPresent(AggregateIdentifier.class)));
        List<String> withIdentifier = scanner.findCandidateComponents("cn.gov.jgsw.domain").stream()
                .map(BeanDefinition::getBeanClassName).sorted().toList();

        assertThat(withIdentifier).hasSizeGreaterThan(10);
        assertThat(DomainAggregatesConfiguration.AGGREGATES).extracting(Class::getName)
                .containsExactlyElementsOf(withIdentifier);
    }
}
