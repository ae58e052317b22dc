package cn.gov.jgsw.ops.support.isolation;

import graphql.schema.GraphQLInputType;

import java.util.List;

/**
 * An argument or input-object field the matrix sends, as the SDL declares it. {@code idKind} is set for {@code ID}s,
 * {@code fields} for input objects.
 */
record InputValue(String path, String name, GraphQLInputType type, ObjectKind idKind, List<InputValue> fields) {
}
