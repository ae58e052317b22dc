package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.graphql.errors.ErrorMessages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link IntegrationRequestLimits} in front of every machine endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationLimitsProperties.class)
public class IntegrationLimitsConfiguration implements WebMvcConfigurer {

    private final IntegrationRequestLimits limits;

    public IntegrationLimitsConfiguration(ErrorMessages messages, IntegrationLimitsProperties properties) {
        this.limits = new IntegrationRequestLimits(messages,
                new TokenBuckets(properties.clientBurst(), properties.clientPerSecond(), System::nanoTime));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limits).addPathPatterns("/integration/**");
    }
}
