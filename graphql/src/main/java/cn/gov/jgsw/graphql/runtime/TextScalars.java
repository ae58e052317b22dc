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

import java.time.DateTimeException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Scalars written as strings in one ISO form, such as {@code DateTime} and {@code Date}. Anything else is refused with
 * the scalar's own hint, which becomes the error's {@code detail}: never a parser's exception text.
 */
final class TextScalars {

    private TextScalars() {
    }

    /**
     * @param format turns a value into its text
     * @param parse  reads the text; throws {@link DateTimeException} (or {@link IllegalArgumentException}) if it does
     *               not fit
     * @param hint   what a fitting text looks like, e.g. {@code Date needs ISO-8601, e.g. 2026-12-01}
     */
    static <T> GraphQLScalarType of(String name, String description, Class<T> type, Function<T, String> format,
                                    Function<String, T> parse, String hint) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .description(description)
                .coercing(new Coercing<T, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        if (type.isInstance(value)) {
                            return format.apply(type.cast(value));
                        }
                        throw new CoercingSerializeException("not a " + name);
                    }

                    @Override
                    public T parseValue(Object input, GraphQLContext context, Locale locale) {
                        if (input instanceof String text) {
                            return read(text, parse, CoercingParseValueException::new, hint);
                        }
                        throw new CoercingParseValueException(name + " must be a string");
                    }

                    @Override
                    public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                          Locale locale) {
                        if (input instanceof StringValue text) {
                            return read(text.getValue(), parse, CoercingParseLiteralException::new, hint);
                        }
                        throw new CoercingParseLiteralException(name + " must be a string");
                    }
                })
                .build();
    }

    private static <T, E extends RuntimeException> T read(String text, Function<String, T> parse,
                                                          Function<String, E> error, String hint) {
        try {
            return parse.apply(text);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw error.apply(hint);
        }
    }
}
