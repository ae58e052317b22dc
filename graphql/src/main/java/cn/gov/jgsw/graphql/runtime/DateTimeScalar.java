package cn.gov.jgsw.graphql.runtime;

import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The time scalars. {@code DateTime}: instants in, instants out; input must carry an offset (a time without one is
 * ambiguous and refused); output is in China's time zone, Asia/Shanghai, which is what people read on the phone.
 * {@code Date}: a calendar day, as in the work calendar. Both only within the product's years,
 * {@link #EARLIEST} to {@link #LATEST}: every instant of that span is one Java's time, the database's dates and every
 * rule can carry, so a year such as +999999999 is refused at the door rather than failing somewhere inside (ADR 0026).
 */
@Configuration(proxyBeanMethods = false)
public class DateTimeScalar {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The first day the product knows: older records are kept elsewhere. */
    public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    /** The last day the product knows. */
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    public static final GraphQLScalarType DATE_TIME = TextScalars.of("DateTime", "An instant, ISO-8601 with offset",
            Instant.class,
            instant -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(CHINA).toOffsetDateTime()),
            text -> within(OffsetDateTime.parse(text).toInstant()),
            "DateTime needs ISO-8601 with offset, from 1990 to 2099, e.g. 2026-12-01T09:00:00+08:00");

    public static final GraphQLScalarType DATE = TextScalars.of("Date", "A calendar day, ISO-8601", LocalDate.class,
            LocalDate::toString, text -> within(LocalDate.parse(text)),
            "Date needs ISO-8601, from 1990 to 2099, e.g. 2026-12-01");

    /** The instant, if it falls within the product's years (in any time zone); for every door, not only GraphQL. */
    public static Instant within(Instant instant) {
        if (instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.ofHours(14)).toInstant())
                || !instant.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.ofHours(-12)).toInstant())) {
            throw new IllegalArgumentException("outside the product's years");
        }
        return instant;
    }

    static LocalDate within(LocalDate day) {
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw new IllegalArgumentException("outside the product's years");
        }
        return day;
    }

    @Bean
    RuntimeWiringConfigurer dateTimeWiring() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(DATE);
    }
}
