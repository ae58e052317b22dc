package cn.gov.jgsw.ops.support.isolation;

import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of Query or Mutation as the matrix sends it: a document selecting every scalar and the ids of nested
 * objects, and the arguments to fill in.
 *
 * @param field     the field's name, e.g. {@code dispatchVehicleOrder}
 * @param access    read (Query) or write (Mutation)
 * @param document  the operation document, variables for every argument sent
 * @param arguments the arguments sent, as the SDL declares them
 */
public record GeneratedOperation(String field, Access access, String document, List<InputValue> arguments) {

    /** The ids the operation takes, in the order the SDL declares them. */
    public List<IdSlot> idSlots() {
        List<IdSlot> slots = new ArrayList<>();
        collectSlots(arguments, slots);
        return slots;
    }

    /**
     * The variables of one request: the given id in every slot ({@link IdSlot#path()} to id), valid values elsewhere and
     * a fresh idempotency key.
     */
    public Map<String, Object> variables(Map<String, String> idsBySlot) {
        PlainValues values = new PlainValues();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (InputValue argument : arguments) {
            variables.put(argument.name(), valueOf(argument, argument.type(), idsBySlot, values));
        }
        return variables;
    }

    private static Object valueOf(InputValue input, GraphQLType type, Map<String, String> idsBySlot,
                                  PlainValues values) {
        if (type instanceof GraphQLNonNull nonNull) {
            return valueOf(input, nonNull.getWrappedType(), idsBySlot, values);
        }
        if (type instanceof GraphQLList list) {
            return List.of(valueOf(input, list.getWrappedType(), idsBySlot, values));
        }
        if (input.idKind() != null) {
            String id = idsBySlot.get(input.path());
            if (id == null) {
                throw new IllegalArgumentException("no id given for " + input.path());
            }
            return id;
        }
        if (type instanceof GraphQLInputObjectType) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (InputValue field : input.fields()) {
                object.put(field.name(), valueOf(field, field.type(), idsBySlot, values));
            }
            return object;
        }
        return values.valueOf(input.name(), input.type());
    }

    private static void collectSlots(List<InputValue> inputs, List<IdSlot> slots) {
        for (InputValue input : inputs) {
            if (input.idKind() != null) {
                slots.add(new IdSlot(input.path(), input.idKind()));
            }
            collectSlots(input.fields(), slots);
        }
    }
}
