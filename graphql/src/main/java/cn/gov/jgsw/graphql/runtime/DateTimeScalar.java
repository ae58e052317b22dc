package cn.gov.jgsw.graphql.runtime;

import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The time scalars. {@code DateTime}: instants in, instants out; input must carry an offset (a time without one is
 * ambiguous and refused); output is in China's time zone, Asia/Shanghai, which is what people read on the phone.
 * {@code Date}: a calendar day, as in the work calendar.
 */
@Configuration(proxyBeanMethods = false)
public class DateTimeScalar {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static final GraphQLScalarType DATE_TIME = TextScalars.of("DateTime", "An instant, ISO-8601 with offset",
            Instant.class,
            instant -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(CHINA).toOffsetDateTime()),
            text -> OffsetDateTime.parse(text).toInstant(),
            "DateTime needs ISO-8601 with offset, e.g. 2026-12-01T09:00:00+08:00");

    public static final GraphQLScalarType DATE = TextScalars.of("Date", "A calendar day, ISO-8601", LocalDate.class,
            LocalDate::toString, LocalDate::parse, "Date needs ISO-8601, e.g. 2026-12-01");

    @Bean
    RuntimeWiringConfigurer dateTimeWiring() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(DATE);
    }
}
