package cn.gov.jgsw.graphql.errors;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ApiErrorReportValve} in the place of Tomcat's error report (and of the one Spring Boot configures),
 * so that what Tomcat refuses by itself is answered in the API's shape. Tomcat adds its default report to a host
 * unless one of the host's report class is already there, hence the class name as well as the valve.
 */
@Component
class WebServerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ErrorMessages messages;

    WebServerErrorReports(ErrorMessages messages) {
        this.messages = messages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
            host.getPipeline().addValve(new ApiErrorReportValve(messages));
        });
    }

    /** After Spring Boot's own customizer, which adds a report valve of Tomcat's. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
