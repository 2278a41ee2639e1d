package org.huzhu.hospitals;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hospital desk's settings ({@code huzhu.hospitals.*}): how many eligibility queries one desk account may send
 * a minute and a day ({@code queriesPerMinute}, {@code queriesPerDay}; past them 429 with Retry-After), and the
 * member app's public address printed as the poster's QR code ({@code memberAppUrl}, e.g.
 * {@code https://hz.example.cn/m/}; blank: the address the poster was downloaded from, with {@code /m/}).
 */
@ConfigurationProperties("huzhu.hospitals")
public record HospitalsProperties(Integer queriesPerMinute, Integer queriesPerDay, String memberAppUrl) {

    public HospitalsProperties {
        if (queriesPerMinute == null || queriesPerMinute < 1) queriesPerMinute = 30;
        if (queriesPerDay == null || queriesPerDay < 1) queriesPerDay = 500;
        memberAppUrl = memberAppUrl == null ? "" : memberAppUrl.strip();
    }
}
