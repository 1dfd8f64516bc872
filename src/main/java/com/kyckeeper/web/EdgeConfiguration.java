package com.kyckeeper.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;

/**
 * Limits at the edge, before any of our code reads a request: Tomcat's own error answers as problem+json
 * ({@link ProblemErrorValve}), and JSON documents bounded while they are parsed (nesting, string and
 * number lengths), so a small body cannot cost unbounded memory or CPU.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // the host adds its error valve when it starts; naming ours keeps Tomcat's HTML page out
                host.setErrorReportValveClass(ProblemErrorValve.class.getName());
            }
        });
    }

    @Bean
    JsonFactoryBuilderCustomizer documentLimits(@Value("${kyc.http.json.max-nesting-depth:32}") int depth,
                                                @Value("${kyc.http.json.max-string-length:1000000}") int string,
                                                @Value("${kyc.http.json.max-number-length:64}") int number,
                                                @Value("${kyc.http.json.max-name-length:200}") int name) {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(depth).maxStringLength(string).maxNumberLength(number).maxNameLength(name)
                .build());
    }
}
