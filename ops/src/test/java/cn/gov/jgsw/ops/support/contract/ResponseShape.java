package cn.gov.jgsw.ops.support.contract;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The shape of an operation's answer, as the schema types it: every response path with its GraphQL type, one line
 * each ({@code orderVehicle.order.status: VehicleOrderStatus!}). The recorded shape is the golden file of the
 * operation; an answer conforms to it when it has exactly those keys, nothing null that is non-null, and every value
 * of its type (an enum one of its values, a {@code DateTime} an ISO offset date-time, ...). Values themselves (ids,
 * instants, names) are volatile and not compared.
 */
public final class ResponseShape {

    private final Map<String, GraphQLOutputType> typeOfPath;
    private final GraphQLSchema schema;

    private ResponseShape(GraphQLSchema schema, Map<String, GraphQLOutputType> typeOfPath) {
        this.schema = schema;
        this.typeOfPath = typeOfPath;
    }

    /** The shape of the answers to a document of one operation. */
    public static ResponseShape of(GraphQLSchema schema, String document) {
        Document parsed = Parser.parse(document);
        Map<String, FragmentDefinition> fragments = parsed.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, fragment -> fragment));
        OperationDefinition operation = parsed.getDefinitionsOfType(OperationDefinition.class).get(0);
        GraphQLObjectType root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        Map<String, GraphQLOutputType> paths = new LinkedHashMap<>();
        walk(schema, root, operation.getSelectionSet(), "", fragments, paths);
        return new ResponseShape(schema, paths);
    }

    private static void walk(GraphQLSchema schema, GraphQLFieldsContainer parent, SelectionSet selections,
                             String prefix, Map<String, FragmentDefinition> fragments,
                             Map<String, GraphQLOutputType> paths) {
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof FragmentSpread spread) {
                walk(schema, parent, fragments.get(spread.getName()).getSelectionSet(), prefix, fragments, paths);
            } else if (selection instanceof InlineFragment inline) {
                walk(schema, parent, inline.getSelectionSet(), prefix, fragments, paths);
            } else if (selection instanceof Field field) {
                String key = field.getAlias() != null ? field.getAlias() : field.getName();
                GraphQLFieldDefinition definition = field.getName().equals("__typename")
                        ? Introspection.TypeNameMetaFieldDef : parent.getFieldDefinition(field.getName());
                String path = prefix + key;
                paths.put(path, definition.getType());
                if (field.getSelectionSet() != null
                        && GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLFieldsContainer inner) {
                    walk(schema, inner, field.getSelectionSet(), path + ".", fragments, paths);
                }
            }
        }
    }

    /** The golden text: one line per path, {@code path: Type}, in the order of the document. */
    public String text() {
        StringBuilder text = new StringBuilder();
        typeOfPath.forEach((path, type) -> text.append(path).append(": ").append(GraphQLTypeUtil.simplePrint(type))
                .append('\n'));
        return text.toString();
    }

    /** What in the answer's {@code data} does not conform to the shape, one line each; empty when it conforms. */
    public List<String> mismatches(JsonNode data) {
        List<String> found = new ArrayList<>();
        object(data, "", found);
        return found;
    }

    private void object(JsonNode value, String prefix, List<String> found) {
        Set<String> expected = new TreeSet<>();
        typeOfPath.keySet().forEach(path -> {
            if (path.startsWith(prefix) && !path.substring(prefix.length()).contains(".")) {
                expected.add(path.substring(prefix.length()));
            }
        });
        Set<String> actual = new TreeSet<>();
        value.fieldNames().forEachRemaining(actual::add);
        if (!actual.equals(expected)) {
            found.add((prefix.isEmpty() ? "data" : prefix) + " has keys " + actual + ", the shape " + expected);
            return;
        }
        for (String key : expected) {
            value(value.get(key), typeOfPath.get(prefix + key), prefix + key, found);
        }
    }

    private void value(JsonNode value, GraphQLType type, String path, List<String> found) {
        if (value == null || value.isNull()) {
            if (type instanceof GraphQLNonNull) {
                found.add(path + " is null but " + GraphQLTypeUtil.simplePrint(type));
            }
            return;
        }
        GraphQLType nullable = GraphQLTypeUtil.unwrapNonNull(type);
        if (nullable instanceof GraphQLList list) {
            if (!value.isArray()) {
                found.add(path + " is not a list");
                return;
            }
            value.forEach(element -> value(element, list.getWrappedType(), path, found));
            return;
        }
        String name = ((GraphQLNamedType) nullable).getName();
        boolean fits = switch (name) {
            case "ID", "String" -> value.isTextual();
            case "Int" -> value.isIntegralNumber();
            case "Float" -> value.isNumber();
            case "Boolean" -> value.isBoolean();
            case "DateTime" -> value.isTextual() && parses(() -> OffsetDateTime.parse(value.asText()));
            case "Date" -> value.isTextual() && parses(() -> LocalDate.parse(value.asText()));
            default -> fitsNamed(schema.getType(name), value, path, found);
        };
        if (!fits) {
            found.add(path + " = " + value + " is not a " + name);
        }
    }

    private boolean fitsNamed(GraphQLType type, JsonNode value, String path, List<String> found) {
        if (type instanceof GraphQLEnumType enumType) {
            return value.isTextual() && enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName)
                    .anyMatch(value.asText()::equals);
        }
        if (type instanceof GraphQLFieldsContainer) {
            if (!value.isObject()) {
                return false;
            }
            object(value, path + ".", found);
            return true;
        }
        throw new IllegalStateException("the shape does not know the scalar of " + path);
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException notParsed) {
            return false;
        }
    }
}
