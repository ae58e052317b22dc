package cn.gov.jgsw.graphql.runtime;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses documents deeper or larger than any screen of the app needs, before they run, so that a crafted query
 * (say, {@code parent} nested a thousand times) cannot tie up a node. A refusal answers {@code QUERY_TOO_COMPLEX}.
 * <p>
 * Introspection (enabled in the demo profile only, for GraphiQL) is exempt: its standard query is deeper than any
 * screen, and graphql-java bounds introspection on its own ("good faith" introspection checks).
 * Outside the demo profile the API runs only the mobile contract's persisted operations
 * ({@code PersistedOperationInterceptor}), all well within these limits; the limits still guard the demo profile.
 */
@Configuration(proxyBeanMethods = false)
public class QueryLimitsConfiguration {

    /** The deepest screen query today ({@code me} with the bureau chain) has depth 7. */
    static final int MAX_DEPTH = 10;
    /** One point per field; the largest screen query today asks for about 30 fields. */
    static final int MAX_COMPLEXITY = 300;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return introspectionOnly(parameters)
                        ? SimpleInstrumentationContext.noOp() : super.beginExecuteOperation(parameters, state);
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity() {
        return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return introspectionOnly(parameters)
                        ? SimpleInstrumentationContext.noOp() : super.beginExecuteOperation(parameters, state);
            }
        };
    }

    /** True when every top-level field of the operation is an introspection field ({@code __schema}, {@code __type}). */
    static boolean introspectionOnly(InstrumentationExecuteOperationParameters parameters) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        return operation.getOperation() == OperationDefinition.Operation.QUERY
                && operation.getSelectionSet().getSelections().stream()
                .allMatch(selection -> selection instanceof Field field && field.getName().startsWith("__"));
    }
}
