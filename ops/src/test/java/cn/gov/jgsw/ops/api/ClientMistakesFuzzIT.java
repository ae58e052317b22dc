package cn.gov.jgsw.ops.api;

import cn.gov.jgsw.ops.PlatformApplication;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.IntegrationMachine;
import cn.gov.jgsw.ops.support.MutationInputs;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformProcess;
import cn.gov.jgsw.ops.support.TemporaryData;
import cn.gov.jgsw.ops.support.contract.PersistedContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the mobile contract, and every machine endpoint, sent the values a careless or hostile client
 * sends: integers at ±2^63 and at the ends of Int, infinities and NaN, years ±999,999,999, {@code null} at every
 * nesting, lists of {@code null}, empty, very long and 1 MB strings, unknown enum values, objects where a value is
 * expected. Whatever the caller's role, each answer is a client error with a stable code or an answer: never a 5xx,
 * never {@code INTERNAL_ERROR}, never a library's own text. Runs on a platform of its own (a fresh demo, rate limits
 * lifted), since the operations that succeed change what they change.
 */
class ClientMistakesFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> PERSONAS = List.of("nanming.civil-servant", "nanming.approver",
            "nanming.dispatcher", "nanming.driver", "nanming.property-staff", "nanming.bureau-admin",
            "guiyang.supervisor");
    /** What a library or the JVM would say of itself; none of it belongs in an answer. */
    private static final List<String> INSIDES = List.of("Exception", "IntValue{", "StringValue{", "FloatValue{",
            "ObjectValue{", "ArrayValue{", "java.", "graphql.", "springframework", "at cn.gov");
    private static final String MEGABYTE = "字".repeat(350_000);

    private static final Path ROOT = TemporaryData.directory("fuzz-it-");
    private static final int PORT = PlatformProcess.freePort();
    private static ConfigurableApplicationContext platform;
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    /** The kinds of values sent, each applied everywhere its type allows at once. */
    enum Extreme {
        PLAUSIBLE, NULL_VARIABLES, NULL_FIELDS, LISTS_OF_NULL, LONG_MAX, LONG_MIN, INT_MAX, INT_MIN, INFINITY,
        NAN, EMPTY_TEXT, LONG_TEXT, MEGABYTE_TEXT, FAR_FUTURE, FAR_PAST, UNKNOWN_ENUM, OBJECTS_FOR_VALUES
    }

    @BeforeAll
    static void start() {
        platform = new SpringApplicationBuilder(PlatformApplication.class).run("--spring.profiles.active=demo",
                "--server.port=" + PORT, "--jgsw.storage.data-directory=" + ROOT.resolve("data"),
                "--jgsw.storage.uri=", "--spring.boot.admin.client.enabled=false",
                "--jgsw.ledger.tree-head-interval=1d", "--jgsw.storage.refuse-unlisted-list-queries=true",
                "--jgsw.api.rate-limit.person-burst=1000000", "--jgsw.api.rate-limit.person-per-second=1000000",
                "--jgsw.api.rate-limit.client-burst=1000000", "--jgsw.api.rate-limit.client-per-second=1000000",
                "--jgsw.integration.rate-limit.client-burst=1000000",
                "--jgsw.integration.rate-limit.client-per-second=1000000");
        PERSONAS.forEach(persona -> TOKENS.put(persona, Phones.accessTokenOf(baseUrl(), persona)));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        TemporaryData.delete(ROOT);
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    @Test
    void everyOperationOfTheContractAnswersExtremeVariablesAsTheClientsMistake() throws Exception {
        TypeDefinitionRegistry schema = schema();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        Map<String, Integer> codes = new java.util.TreeMap<>();
        for (PersistedContract.Operation operation : PersistedContract.operations().values()) {
            Document document = Parser.parse(operation.body());
            OperationDefinition definition = document.getDefinitionsOfType(OperationDefinition.class).get(0);
            List<String> callers = new ArrayList<>(PERSONAS);
            for (Extreme extreme : Extreme.values()) {
                ObjectNode variables = NODES.objectNode();
                for (VariableDefinition variable : definition.getVariableDefinitions()) {
                    variables.set(variable.getName(), extreme == Extreme.NULL_VARIABLES ? NODES.nullNode()
                            : valueOf(variable.getName(), variable.getType(), extreme, schema, 0));
                }
                ObjectNode body = NODES.objectNode();
                body.put("operationName", operation.name());
                body.set("variables", variables);
                body.set("extensions", JSON.valueToTree(GraphQlClient.persistedQuery(operation.id())));
                String json = JSON.writeValueAsString(body);
                List<String> mayCall = new ArrayList<>();
                for (String persona : callers) {
                    sent++;
                    Answer answer = post("/graphql", TOKENS.get(persona), json);
                    check(operation.name() + " " + extreme + " as " + persona, answer, wrong);
                    String code = firstCode(answer);
                    codes.merge(code, 1, Integer::sum);
                    if (!"FORBIDDEN".equals(code)) {
                        mayCall.add(persona);
                    }
                }
                if (extreme == Extreme.PLAUSIBLE) {
                    // The other extremes go to those the operation lets in, so that they reach its rules.
                    callers = mayCall.isEmpty() ? List.of(PERSONAS.get(0)) : mayCall;
                }
            }
        }
        System.out.printf("Answers by first error code: %s%n", codes);
        System.out.printf("Fuzzed %d operations: %d requests%n", PersistedContract.operations().size(), sent);
        assertThat(wrong).as("answers that were not a client error or an answer").isEmpty();
    }

    @Test
    void bodiesThatAreNoGraphQlRequestAreTheClientsMistake() throws Exception {
        String token = TOKENS.get("nanming.civil-servant");
        List<String> wrong = new ArrayList<>();
        List<String> bodies = new ArrayList<>(List.of("null", "1", "\"x\"", "true", "", "   ", "{}", "{", "{]",
                "{\"query\": null}", "{\"query\": 5}", "{\"query\": {}}", "{\"query\": \"\"}",
                "{\"query\": \"{ me { id } }\", \"variables\": \"x\"}",
                "{\"query\": \"{ me { id } }\", \"variables\": [1]}",
                "{\"query\": \"{ me { id } }\", \"variables\": null}",
                "{\"query\": \"{ me { id } }\", \"operationName\": 5}",
                "{\"query\": \"{ me { id } }\", \"extensions\": 1}",
                "{\"extensions\": {\"persistedQuery\": 1}}",
                "{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": null}}}",
                "{\"extensions\": {\"persistedQuery\": {\"version\": 1e309, \"sha256Hash\": \"x\"}}}",
                "{\"query\": \"" + "{".repeat(5000) + "\"}",
                "{\"query\": \"query { __schema { types { fields { type { fields { type { fields { name } } } } } } } }\"}",
                "{\"query\": \"query { __type(name: \\\"Query\\\") { a: fields { name } b: fields { name } c: fields { name } } }\"}"));
        for (String body : bodies) {
            check("body " + abbreviated(body), post("/graphql", token, body), wrong);
        }
        assertThat(wrong).as("answers that were not a client error").isEmpty();
    }

    @Test
    void theMachineEndpointsAnswerExtremeInputAsTheClientsMistake() throws Exception {
        GraphQlClient admin = new GraphQlClient(baseUrl(), TOKENS.get("nanming.bureau-admin"));
        JsonNode client = admin.execute(GraphQlClient.operation("RegisterIntegrationClient"), Map.of("input",
                MutationInputs.withKey("name", "模糊测试网关", "scopes", List.of("TELEMETRY_WRITE")))).data()
                .at("/registerIntegrationClient");
        String machine = new IntegrationMachine(baseUrl()).requestToken(client.at("/client/id").asText(),
                client.get("secret").asText(), "telemetry:write").accessToken();
        List<String> wrong = new ArrayList<>();
        List<String> positions = new ArrayList<>(List.of("null", "1", "[]", "{}", "{\"positions\": null}",
                "{\"positions\": []}", "{\"positions\": [null]}", "{\"positions\": [null, null]}",
                "{\"positions\": [{}]}", "{\"positions\": [[]]}", "{\"positions\": 5}", "{\"positions\": {}}"));
        for (String field : List.of("vehicleId", "time", "latitude", "longitude", "speedKmh", "accuracyMetres")) {
            for (String value : List.of("null", "1e309", "-1e309", "\"NaN\"", "9223372036854775807",
                    "-9223372036854775808", "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
                    "\"\"", "{}", "[null]", "true")) {
                positions.add("{\"positions\": [" + position(field, value) + "]}");
            }
        }
        positions.add("{\"positions\": [" + position("vehicleId", "\"" + MEGABYTE + "\"") + "]}");
        for (String body : positions) {
            check("positions " + abbreviated(body), post("/integration/v1/telemetry/positions", machine, body),
                    wrong);
        }
        check("caller", get("/integration/v1/caller", machine), wrong);

        String clerk = TOKENS.get("nanming.civil-servant");
        for (String path : List.of("/api/photos/x", "/api/photos/" + "x".repeat(5000), "/api/photos/%00",
                "/api/audit/evidence", "/api/audit/evidence?bureauId=bureau-nanming&from=x&to=y&purpose=p",
                "/api/audit/evidence?bureauId=bureau-nanming&from=%2B999999999-01-01T00:00:00Z"
                        + "&to=%2B999999999-01-02T00:00:00Z&purpose=p",
                "/api/audit/evidence?bureauId=bureau-nanming&from=-999999999-01-01T00:00:00Z"
                        + "&to=2026-01-01T00:00:00Z&purpose=p")) {
            check("GET " + path, get(path, TOKENS.get("guiyang.supervisor")), wrong);
            check("GET " + path, get(path, clerk), wrong);
        }
        for (String body : List.of("", "\u00ff\u00d8\u00ff", "null", MEGABYTE)) {
            for (String type : List.of("image/jpeg", "image/png", "text/html", "application/json")) {
                check("photo " + type + " " + abbreviated(body), send(HttpRequest.newBuilder(URI.create(baseUrl()
                                + "/api/service-requests/no-such-request/photos"))
                        .header("Authorization", "Bearer " + clerk).header("Content-Type", type)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body))), wrong);
            }
        }
        assertThat(wrong).as("answers that were not a client error").isEmpty();
    }

    private static String position(String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("vehicleId", "\"vehicle-nanming-1\"");
        fields.put("time", "\"" + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1) + "\"");
        fields.put("latitude", "26.58");
        fields.put("longitude", "106.71");
        fields.put("speedKmh", "40");
        fields.put("accuracyMetres", "5");
        fields.put(field, value);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, given) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(given));
        return json.append('}').toString();
    }

    /** A value of the type for the kind of extreme, plausible where the extreme does not apply. */
    private static JsonNode valueOf(String name, Type<?> type, Extreme extreme, TypeDefinitionRegistry schema,
                                    int depth) {
        if (type instanceof NonNullType nonNull) {
            return valueOf(name, nonNull.getType(), extreme, schema, depth);
        }
        if (type instanceof ListType list) {
            ArrayNode values = NODES.arrayNode();
            if (extreme == Extreme.LISTS_OF_NULL) {
                values.addNull().addNull();
            } else {
                values.add(valueOf(name, list.getType(), extreme, schema, depth + 1));
            }
            return values;
        }
        String typeName = ((TypeName) type).getName();
        Optional<TypeDefinition> definition = schema.getType(typeName);
        if (definition.isPresent() && definition.get() instanceof InputObjectTypeDefinition input) {
            if (extreme == Extreme.OBJECTS_FOR_VALUES) {
                return NODES.textNode("x");
            }
            ObjectNode object = NODES.objectNode();
            for (InputValueDefinition field : input.getInputValueDefinitions()) {
                object.set(field.getName(), extreme == Extreme.NULL_FIELDS ? NODES.nullNode()
                        : valueOf(field.getName(), field.getType(), extreme, schema, depth + 1));
            }
            return object;
        }
        if (definition.isPresent() && definition.get() instanceof EnumTypeDefinition enumeration) {
            return NODES.textNode(extreme == Extreme.UNKNOWN_ENUM ? "NO_SUCH_VALUE"
                    : enumeration.getEnumValueDefinitions().get(0).getName());
        }
        if (extreme == Extreme.OBJECTS_FOR_VALUES) {
            return NODES.objectNode().put("value", 1);
        }
        return scalar(name, typeName, extreme);
    }

    private static JsonNode scalar(String name, String typeName, Extreme extreme) {
        Function<String, JsonNode> text = plausible -> switch (extreme) {
            case EMPTY_TEXT -> NODES.textNode("");
            case LONG_TEXT -> NODES.textNode("长".repeat(2_000));
            case MEGABYTE_TEXT -> NODES.textNode(MEGABYTE);
            default -> NODES.textNode(plausible);
        };
        return switch (typeName) {
            case "Int" -> switch (extreme) {
                case LONG_MAX -> NODES.numberNode(Long.MAX_VALUE);
                case LONG_MIN -> NODES.numberNode(Long.MIN_VALUE);
                case INT_MAX -> NODES.numberNode(Integer.MAX_VALUE);
                case INT_MIN -> NODES.numberNode(Integer.MIN_VALUE);
                case INFINITY -> NODES.rawValueNode(new RawValue("1e309"));
                default -> NODES.numberNode(1);
            };
            case "Float" -> switch (extreme) {
                case LONG_MAX, INT_MAX -> NODES.numberNode(Double.MAX_VALUE);
                case LONG_MIN, INT_MIN -> NODES.numberNode(-Double.MAX_VALUE);
                case INFINITY -> NODES.rawValueNode(new RawValue("-1e309"));
                case NAN -> NODES.textNode("NaN");
                default -> NODES.numberNode(26.58);
            };
            case "Boolean" -> extreme == Extreme.NAN ? NODES.textNode("true") : NODES.booleanNode(true);
            case "DateTime" -> switch (extreme) {
                case FAR_FUTURE -> NODES.textNode("+999999999-12-31T23:59:59+08:00");
                case FAR_PAST -> NODES.textNode("-999999999-01-01T00:00:00Z");
                case EMPTY_TEXT, LONG_TEXT, MEGABYTE_TEXT -> text.apply("");
                default -> NODES.textNode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withHour(9).withMinute(0)
                                .plusHours(name.toLowerCase().contains("end") || "to".equals(name) ? 2 : 0)));
            };
            case "Date" -> switch (extreme) {
                case FAR_FUTURE -> NODES.textNode("+999999999-12-31");
                case FAR_PAST -> NODES.textNode("-999999999-01-01");
                case EMPTY_TEXT, LONG_TEXT, MEGABYTE_TEXT -> text.apply("");
                default -> NODES.textNode(LocalDate.now().plusDays(3).toString());
            };
            default -> "idempotencyKey".equals(name) && extreme != Extreme.EMPTY_TEXT
                    && extreme != Extreme.LONG_TEXT && extreme != Extreme.MEGABYTE_TEXT
                    ? NODES.textNode(UUID.randomUUID().toString())
                    : extreme == Extreme.INFINITY ? NODES.numberNode(Long.MAX_VALUE) : text.apply("测试-1");
        };
    }

    private static TypeDefinitionRegistry schema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Resource sdl : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            try (InputStream in = sdl.getInputStream()) {
                registry.merge(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return registry;
    }

    private record Answer(int status, String body) {
    }

    private static Answer post(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Answer get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token).GET());
    }

    private static Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Records what is wrong with an answer: a 5xx, an internal error, or a library's own words. */
    private static void check(String what, Answer answer, List<String> wrong) {
        String body = answer.body() == null ? "" : answer.body();
        List<String> problems = new ArrayList<>();
        if (answer.status() >= 500) {
            problems.add("HTTP " + answer.status());
        }
        if (body.contains("\"INTERNAL_ERROR\"")) {
            problems.add("INTERNAL_ERROR");
        }
        INSIDES.stream().filter(body::contains).forEach(inside -> problems.add("says " + inside));
        if (answer.status() >= 400 && !body.contains("\"code\"") && !body.contains("\"error\"")) {
            problems.add("no code");
        }
        if (!problems.isEmpty()) {
            wrong.add(what + ": " + problems + " " + abbreviated(body));
        }
    }

    private static String firstCode(Answer answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body.path("errors").path(0).path("extensions").path("code").asText("none");
        } catch (IOException notJson) {
            return "HTTP " + answer.status();
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
    }
}
