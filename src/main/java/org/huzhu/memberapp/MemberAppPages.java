package org.huzhu.memberapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InlineResource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The member app's one page (public: the app itself asks the worker to sign in). A phone on a slow network pays
 * seconds for every request, so the page that arrives first already works: its style sheet and, for a worker not yet
 * signed in, the sign-in screen and its script travel inline (the Content-Security-Policy allows exactly these by
 * their hashes, see {@link InlineResource}), and the app's modules are announced for loading in parallel while the
 * worker types. Built once at start from {@code memberapp/} and {@code static/m/}.
 */
@Controller
class MemberAppPages {

    private static final Pattern IMPORT = Pattern.compile("from\\s+'(/[^']+\\.js)'");

    private final InlineResource style;
    private final InlineResource signInScript;
    private final String signedOut;
    private final String signedIn;

    MemberAppPages() {
        this.style = new InlineResource(InlineResource.Kind.STYLE, read("static/m/m.css"));
        this.signInScript = new InlineResource(InlineResource.Kind.SCRIPT, read("memberapp/sign-in.js"));
        String template = read("memberapp/index.html")
                .replace("{{style}}", style.text())
                .replace("{{preload}}", preloads("/m/app.js"));
        this.signedOut = template.replace("{{member}}", "no").replace("{{title}}", "手机号登录")
                .replace("{{screen}}", read("memberapp/sign-in.html"))
                .replace("{{script}}", "  <script>" + signInScript.text() + "</script>");
        this.signedIn = template.replace("{{member}}", "yes").replace("{{title}}", "正在打开")
                .replace("{{screen}}", "    <p class=\"loading\">正在打开…</p>").replace("{{script}}", "");
    }

    @Bean
    InlineResource memberAppStyle() {
        return style;
    }

    @Bean
    InlineResource memberAppSignInScript() {
        return signInScript;
    }

    @Requires(Right.PUBLIC)
    @GetMapping("/m/")
    ResponseEntity<String> app() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(workerSignedIn() ? signedIn : signedOut);
    }

    /** The public verification page of an electronic cover certificate (its QR code leads here). */
    @Requires(Right.PUBLIC)
    @GetMapping("/verify/{token}")
    String verify() {
        return "forward:/m/verify.html";
    }

    private static boolean workerSignedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser.Holder holder && holder.currentUser().memberId() != null;
    }

    /** A modulepreload link for each module the app imports, directly or not, so that none waits for the one importing it. */
    private static String preloads(String entry) {
        Set<String> modules = new LinkedHashSet<>();
        collect(entry, modules);
        StringBuilder links = new StringBuilder();
        for (String module : modules) links.append("  <link rel=\"modulepreload\" href=\"").append(module).append("\">\n");
        return links.toString().stripTrailing();
    }

    private static void collect(String module, Set<String> modules) {
        if (!modules.add(module)) return;
        Matcher imports = IMPORT.matcher(read("static" + module));
        while (imports.find()) collect(imports.group(1), modules);
    }

    private static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("member app page part missing: " + path, e);
        }
    }
}
