package cn.gov.jgsw.graphql.runtime;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The {@code DateTime} scalar: instants in, instants out. Input must carry an offset (a time without one is ambiguous
 * and refused); output is in China's time zone, Asia/Shanghai, which is what people read on the phone.
 */
@Configuration(proxyBeanMethods = false)
public class DateTimeScalar {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant, ISO-8601 with offset")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant instant) {
                        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(CHINA).toOffsetDateTime());
                    }
                    throw new CoercingSerializeException("not an instant");
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String text) {
                        return parse(text, CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("DateTime must be a string");
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                            Locale locale) {
                    if (input instanceof StringValue text) {
                        return parse(text.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("DateTime must be a string");
                }
            })
            .build();

    @Bean
    RuntimeWiringConfigurer dateTimeWiring() {
        return wiring -> wiring.scalar(DATE_TIME);
    }

    private static <E extends RuntimeException> Instant parse(String text, java.util.function.Function<String, E> error) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw error.apply("DateTime needs ISO-8601 with offset, e.g. 2026-12-01T09:00:00+08:00");
        }
    }
}
