package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.tenants.api.Caller;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;

/**
 * A controller method's {@link Caller} parameter is the verified caller of the request, as {@link CallerInterceptor}
 * (HTTP) or the socket's authentication put it into the GraphQL context: a method only states that it takes one.
 * A request that reaches a controller without a caller is a fault of the security chain, never the client's: it fails
 * rather than run as nobody.
 */
@Component
public class CallerArgument implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        Caller caller = environment.getGraphQlContext().get(CallerInterceptor.CALLER);
        if (caller == null) {
            throw new IllegalStateException("a request reached " + parameter.getMethod() + " without a verified caller");
        }
        return caller;
    }
}
