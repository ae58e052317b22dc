package cn.gov.jgsw.ops.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vehicle orders' approval process keeps the name its processor had as a saga. Its position in the event stream
 * is stored under that name: under another name, a platform upgraded while orders were waiting to be routed would
 * start from the head of the stream and never route them.
 */
class DomainAggregatesConfigurationTest {

    @Test
    void theOrderApprovalProcessKeepsTheNameOfTheSagasProcessor() {
        assertThat(DomainAggregatesConfiguration.ORDER_APPROVAL_PROCESSOR)
                .isEqualTo("VehicleOrderApprovalProcessProcessor");
    }
}
