package com.kyckeeper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KycKeeperApplication {

    public static void main(String[] args) {
        // before H2 is loaded: it reads its bind address once
        com.kyckeeper.shared.EmbeddedH2.bindToLoopback();
        SpringApplication.run(KycKeeperApplication.class, args);
    }
}
