package cn.gov.jgsw.ops.api;

import cn.gov.jgsw.domain.people.api.ChangeDisplayLanguageCommand;
import cn.gov.jgsw.domain.people.api.DisplayLanguage;
import cn.gov.jgsw.ops.support.PlatformIT;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform's command bus refuses a command that does not say which bureau and person it acts for. */
class CommandMetadataIT extends PlatformIT {

    @Autowired
    CommandGateway commands;

    @Test
    void aCommandWithoutTenantAndPersonIsNeverHandled() {
        long before = storedEvents();

        assertThatThrownBy(() -> commands.sendAndWait(new ChangeDisplayLanguageCommand(
                "user-nanming-civil-servant", "bureau-nanming", DisplayLanguage.EN)))
                .hasMessageContaining("without tenant and user metadata");

        assertThat(storedEvents()).isEqualTo(before);
    }
}
