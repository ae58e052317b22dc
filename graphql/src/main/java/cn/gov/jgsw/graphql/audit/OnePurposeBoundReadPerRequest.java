package cn.gov.jgsw.graphql.audit;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * A request may make one purpose-bound read (a field with a {@code purpose} argument), no more: each read is recorded
 * as an immutable event of the reader's bureau before its data is given, so forty aliases of one read in one request
 * would write forty records. Such a request is refused before anything runs ({@code INVALID_QUERY}), aliases,
 * fragments and nesting included; the app never needs two (ADR 0026).
 */
@Component
public class OnePurposeBoundReadPerRequest extends SimplePerformantInstrumentation {

    static final String PURPOSE = "purpose";

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        GraphQLSchema schema = context.getGraphQLSchema();
        GraphQLFieldsContainer root = switch (context.getOperationDefinition().getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        int reads = count(context.getOperationDefinition().getSelectionSet(), root, context.getFragmentsByName(), 0);
        if (reads > 1) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.ValidationError)
                    .message("a request makes one purpose-bound read; this one asks for " + reads)
                    .build()));
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static int count(SelectionSet selections, GraphQLType type, Map<String, FragmentDefinition> fragments,
                             int depth) {
        if (selections == null || depth > 64 || !(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLFieldsContainer
                container)) {
            return 0;
        }
        int reads = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
                if (definition == null) {
                    continue;
                }
                if (definition.getArgument(PURPOSE) != null) {
                    reads++;
                }
                reads += count(field.getSelectionSet(), definition.getType(), fragments, depth + 1);
            } else if (selection instanceof InlineFragment inline) {
                reads += count(inline.getSelectionSet(), type, fragments, depth + 1);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                reads += count(fragments.get(spread.getName()).getSelectionSet(), type, fragments, depth + 1);
            }
        }
        return reads;
    }
}
