package cn.gov.jgsw.graphql.runtime;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses documents deeper or larger than any screen of the app needs, before they run, so that a crafted query
 * (say, {@code parent} nested a thousand times) cannot tie up a node. A refusal answers {@code QUERY_TOO_COMPLEX}.
 * The persisted-operations issue narrows this further to the app's own documents.
 */
@Configuration(proxyBeanMethods = false)
public class QueryLimitsConfiguration {

    /** The deepest screen query today ({@code me} with the bureau chain) has depth 7. */
    static final int MAX_DEPTH = 10;
    /** One point per field; the largest screen query today asks for about 30 fields. */
    static final int MAX_COMPLEXITY = 300;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity() {
        return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY);
    }
}
