package cn.gov.jgsw.graphql.persisted;

import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Has graphql-java take the persisted operations' parsed documents from {@link PersistedDocumentCache}. */
@Configuration(proxyBeanMethods = false)
class PersistedDocumentsConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer persistedDocuments(PersistedDocumentCache cache) {
        return source -> source.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }
}
