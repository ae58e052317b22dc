package cn.gov.jgsw.ops.support.isolation;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Valid values for the arguments that do not name an object, by name where the name carries a rule (idempotency key,
 * purpose) and otherwise by type. Every value but the idempotency key is the same on every call, so that two requests
 * of one operation differ only in the ids the matrix puts in; one instance per request numbers its date-times.
 */
final class PlainValues {

    /**
     * Far beyond the windows other tests book (days ahead), so matrix orders never compete with them for the demo fleet.
     */
    private static final OffsetDateTime FIRST_INSTANT = OffsetDateTime.now(ZoneOffset.ofHours(8))
            .plusDays(120).truncatedTo(ChronoUnit.DAYS).withHour(9);
    static final String PURPOSE = "公务用车隔离矩阵检查";

    private int dateTimes;

    Object valueOf(String name, GraphQLInputType type) {
        if (name.equals("idempotencyKey")) {
            return freshIdempotencyKey();
        }
        if (name.equals("purpose")) {
            return PURPOSE;
        }
        GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
        if (named instanceof GraphQLEnumType enumType) {
            return enumType.getValues().get(0).getName();
        }
        if (!(named instanceof GraphQLScalarType)) {
            throw new IllegalStateException("no generated value for " + name + " of type " + named.getName());
        }
        return switch (named.getName()) {
            case "String" -> "隔离矩阵";
            case "Int" -> 1;
            case "Float" -> 1.5;
            case "Boolean" -> true;
            // Two hours apart in the order the SDL declares them, so that a start always comes before its end.
            case "DateTime" -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(FIRST_INSTANT.plusHours(2L * dateTimes++));
            case "Date" -> FIRST_INSTANT.toLocalDate().toString();
            default -> throw new IllegalStateException("no generated value for scalar " + named.getName()
                    + " (argument " + name + "): add one to " + PlainValues.class.getSimpleName());
        };
    }

    /** A key the API accepts ({@code [A-Za-z0-9_-]{8,128}}), new for every request. */
    static String freshIdempotencyKey() {
        return "matrix-" + UUID.randomUUID();
    }

    /** Arguments the matrix leaves out: a cursor cannot be invented (the matrix reads first pages). */
    static boolean omitted(String name) {
        return name.equals("after") || name.equals("before");
    }
}
