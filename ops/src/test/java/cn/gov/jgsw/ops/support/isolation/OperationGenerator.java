package cn.gov.jgsw.ops.support.isolation;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates one operation per field of Query and Mutation from the SDL the platform serves, so that a new operation is
 * in the isolation matrix the moment it is in the schema. Every {@code ID} argument must have a known kind of object
 * ({@code idKinds}); an unknown one stops the generator, so no operation escapes the matrix unnoticed.
 */
public final class OperationGenerator {

    /** The API's limits (QueryLimitsConfiguration): a generated document the API would refuse tests nothing. */
    static final int MAX_DEPTH = 10;
    static final int MAX_COMPLEXITY = 300;
    /**
     * Objects whose fields sit at this depth or above are selected field by field, deeper ones by id only: deep enough
     * for every object an answer carries (the fields of an order's vehicle inside a connection sit at depth 5), and
     * bounded for recursive types ({@code Bureau.parent}).
     */
    private static final int FULLY_SELECTED_DEPTH = 5;

    private final GraphQLSchema schema;
    private final Map<String, ObjectKind> idKinds;

    /**
     * @param idKinds the kind of object each {@code ID} argument names: by {@code field.argument} (e.g.
     *                {@code unit.id}) where a name alone is ambiguous, else by argument or input field name
     *                (e.g. {@code orderId})
     */
    public OperationGenerator(GraphQLSchema schema, Map<String, ObjectKind> idKinds) {
        this.schema = schema;
        this.idKinds = idKinds;
    }

    /**
     * The schema of every {@code graphql/**}{@code /*.graphqls} on the classpath, as the platform loads it, with any
     * further SDL given (tests of the generator add fields).
     */
    public static GraphQLSchema schemaOnClasspath(String... furtherSdl) {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (String sdl : furtherSdl) {
            registry.merge(new SchemaParser().parse(sdl));
        }
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
                try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    registry.merge(new SchemaParser().parse(reader));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    /** One operation per field of Query, then of Mutation, sorted by name within each. */
    public List<GeneratedOperation> operations() {
        List<GeneratedOperation> operations = new ArrayList<>();
        operations.addAll(operationsOf(schema.getQueryType(), Access.READ));
        operations.addAll(operationsOf(schema.getMutationType(), Access.WRITE));
        return operations;
    }

    /** Names of the fields, of any object type, whose values are ids: an answer's ids are the values of these. */
    public Set<String> idFieldNames() {
        Set<String> names = new TreeSet<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLFieldsContainer container && !type.getName().startsWith("__")) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    if (GraphQLTypeUtil.unwrapAll(field.getType()) == Scalars.GraphQLID) {
                        names.add(field.getName());
                    }
                }
            }
        }
        return names;
    }

    /** The roles of the SDL's {@code Role} enum: the matrix calls every operation as each of them. */
    public List<String> roles() {
        return ((GraphQLEnumType) schema.getType("Role")).getValues().stream()
                .map(GraphQLEnumValueDefinition::getName).toList();
    }

    private List<GeneratedOperation> operationsOf(GraphQLObjectType root, Access access) {
        if (root == null) {
            return List.of();
        }
        return root.getFieldDefinitions().stream()
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .map(field -> operation(field, access))
                .toList();
    }

    private GeneratedOperation operation(GraphQLFieldDefinition field, Access access) {
        List<InputValue> arguments = new ArrayList<>();
        List<String> variableDefinitions = new ArrayList<>();
        List<String> argumentUses = new ArrayList<>();
        for (GraphQLArgument argument : field.getArguments()) {
            if (!sent(argument.getName(), argument.getType(), argument.hasSetDefaultValue())) {
                continue;
            }
            arguments.add(input(field.getName(), argument.getName(), argument.getName(), argument.getType(),
                    new HashSet<>()));
            variableDefinitions.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
            argumentUses.add(argument.getName() + ": $" + argument.getName());
        }
        Selection selection = selectionOf(field.getType(), 2);
        int depth = Math.max(1, selection.depth());
        int complexity = 1 + selection.fields();
        if (depth > MAX_DEPTH || complexity > MAX_COMPLEXITY) {
            throw new IllegalStateException("the generated selection of " + field.getName() + " has depth " + depth
                    + " and complexity " + complexity + ", beyond the API's limits: lower FULLY_SELECTED_DEPTH");
        }
        String document = (access == Access.READ ? "query" : "mutation") + " Matrix_" + field.getName()
                + (variableDefinitions.isEmpty() ? "" : "(" + String.join(", ", variableDefinitions) + ")")
                + " {\n  " + field.getName()
                + (argumentUses.isEmpty() ? "" : "(" + String.join(", ", argumentUses) + ")")
                + " " + selection.text() + "\n}";
        return new GeneratedOperation(field.getName(), access, document, arguments);
    }

    /**
     * Required arguments are always sent; optional ones too, unless the SDL gives them a default (the default is what
     * the app relies on) or they are cursors (which the matrix cannot invent).
     */
    private static boolean sent(String name, GraphQLInputType type, boolean hasDefault) {
        if (GraphQLTypeUtil.isNonNull(type)) {
            return true;
        }
        return !hasDefault && !PlainValues.omitted(name);
    }

    private InputValue input(String operation, String path, String name, GraphQLInputType type,
                             Set<String> enclosingInputs) {
        GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
        if (named == Scalars.GraphQLID) {
            return new InputValue(path, name, type, kindOf(operation, path, name), List.of());
        }
        if (named instanceof GraphQLInputObjectType inputObject) {
            if (!enclosingInputs.add(inputObject.getName())) {
                throw new IllegalStateException("input " + inputObject.getName() + " of " + operation
                        + " contains itself: the generator cannot fill it in");
            }
            List<InputValue> fields = new ArrayList<>();
            for (GraphQLInputObjectField field : inputObject.getFieldDefinitions()) {
                if (sent(field.getName(), field.getType(), field.hasSetDefaultValue())) {
                    fields.add(input(operation, path + "." + field.getName(), field.getName(), field.getType(),
                            new HashSet<>(enclosingInputs)));
                }
            }
            return new InputValue(path, name, type, null, fields);
        }
        return new InputValue(path, name, type, null, List.of());
    }

    private ObjectKind kindOf(String operation, String path, String name) {
        ObjectKind kind = idKinds.getOrDefault(operation + "." + path, idKinds.get(name));
        if (kind == null) {
            throw new IllegalStateException("no fixture kind for argument " + path + " of field " + operation
                    + ": add one to IsolationMatrixIT.ID_KINDS (\"" + operation + "." + path + "\" or \"" + name
                    + "\"), with fixtures of that kind in Fixtures");
        }
        return kind;
    }

    /** The selection set of a field's type whose fields are at {@code depth}; empty for scalars and enums. */
    private Selection selectionOf(GraphQLOutputType type, int depth) {
        GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
        if (named instanceof GraphQLUnionType) {
            return new Selection("{ __typename }", 1, depth);
        }
        if (!(named instanceof GraphQLFieldsContainer container)) {
            return new Selection("", 0, depth - 1);
        }
        List<String> parts = new ArrayList<>();
        int fields = 0;
        int deepest = depth;
        for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
            if (field.getArguments().stream().anyMatch(a -> GraphQLTypeUtil.isNonNull(a.getType()) && !a.hasSetDefaultValue())) {
                continue;
            }
            GraphQLNamedType fieldType = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
            if (!(fieldType instanceof GraphQLFieldsContainer) && !(fieldType instanceof GraphQLUnionType)) {
                parts.add(field.getName());
                fields++;
                continue;
            }
            Selection nested = depth + 1 <= FULLY_SELECTED_DEPTH ? selectionOf(field.getType(), depth + 1)
                    : idOnly((GraphQLNamedType) fieldType, depth + 1);
            if (nested.fields() > 0) {
                parts.add(field.getName() + " " + nested.text());
                fields += 1 + nested.fields();
                deepest = Math.max(deepest, nested.depth());
            }
        }
        if (parts.isEmpty()) {
            return new Selection("", 0, depth - 1);
        }
        return new Selection("{ " + String.join(" ", parts) + " }", fields, deepest);
    }

    private static Selection idOnly(GraphQLNamedType type, int depth) {
        if (type instanceof GraphQLFieldsContainer container && container.getFieldDefinition("id") != null) {
            return new Selection("{ id }", 1, depth);
        }
        return new Selection("", 0, depth - 1);
    }

    /** A selection set's text, how many fields it selects (the API's complexity) and its deepest field's depth. */
    private record Selection(String text, int fields, int depth) {
    }

}
