package cn.gov.jgsw.ops.demo;

import cn.gov.jgsw.domain.calendar.api.NationalHolidayNotice;
import cn.gov.jgsw.domain.calendar.api.SetWorkCalendarCommand;
import cn.gov.jgsw.domain.calendar.api.WorkCalendarIds;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.CommandMetadata;
import cn.gov.jgsw.tenants.api.Role;
import cn.gov.jgsw.tenants.demo.DemoBureaus;
import cn.gov.jgsw.tenants.registry.Bureau;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Gives every demo bureau the 2026 national work calendar, through commands like real data. Setting the same calendar
 * again records nothing, so a restart adds nothing.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoWorkCalendarSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkCalendarSeeder.class);

    private final CommandGateway commands;

    DemoWorkCalendarSeeder(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        NationalHolidayNotice notice = NationalHolidayNotice.YEAR_2026;
        for (Bureau bureau : DemoBureaus.all()) {
            Caller seeder = new Caller("system-demo-seed", bureau.id(), null, Set.of(Role.BUREAU_ADMIN),
                    "platform/demo-seed");
            String calendarId = WorkCalendarIds.of(bureau.id(), notice.year());
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new SetWorkCalendarCommand(calendarId,
                            bureau.id(), notice.year(), notice.publicHolidays(), notice.makeUpWorkingDays(),
                            notice.basis()))
                    .andMetaData(CommandMetadata.of(seeder, "demo-seed-" + calendarId, null)));
        }
        log.info("Demo work calendars ready ({} of {})", DemoBureaus.all().size(), notice.basis());
    }
}
