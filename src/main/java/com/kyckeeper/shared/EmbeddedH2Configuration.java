package com.kyckeeper.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gives an H2 file database without a configured password its generated one (see {@link EmbeddedH2}). */
@Configuration(proxyBeanMethods = false)
class EmbeddedH2Configuration {

    @Bean
    static BeanPostProcessor embeddedH2Password() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSourceProperties p) {
                    String user = p.getUsername() == null ? "sa" : p.getUsername();
                    p.setPassword(EmbeddedH2.password(p.getUrl(), user, p.getPassword()));
                }
                return bean;
            }
        };
    }
}
