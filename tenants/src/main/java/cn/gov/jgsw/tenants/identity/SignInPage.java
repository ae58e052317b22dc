package cn.gov.jgsw.tenants.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import java.util.Locale;

/**
 * The sign-in page the system browser shows when the app signs a person in: Chinese by default, English for browsers
 * that ask for it, sized for a phone. It posts to Spring Security's standard form login ({@code POST /login}).
 */
@Controller
class SignInPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String signInPage(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean english = request.getHeader("Accept-Language") != null
                && Locale.ENGLISH.getLanguage().equals(request.getLocale().getLanguage());
        boolean failed = request.getParameter("error") != null;
        boolean signedOut = request.getParameter("logout") != null;
        boolean locked = request.getParameter("locked") != null;
        Text text = english ? Text.ENGLISH : Text.CHINESE;
        return """
                <!doctype html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f4f6f8}
                main{max-width:360px;margin:12vh auto;padding:24px;background:#fff;border-radius:12px;box-shadow:0 1px 4px #0002}
                h1{font-size:1.3rem;margin:0 0 20px}
                label{display:block;margin:12px 0 4px;color:#444}
                input{width:100%%;box-sizing:border-box;padding:12px;font-size:1rem;border:1px solid #ccc;border-radius:8px}
                button{width:100%%;margin-top:20px;padding:12px;font-size:1rem;border:0;border-radius:8px;background:#b71c1c;color:#fff}
                .note{padding:10px;border-radius:8px;margin-bottom:12px}
                .error{background:#fdecea;color:#8a1c1c}.info{background:#e8f4fd;color:#0d47a1}
                </style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                %s
                <form method="post" action="/login">
                <label for="username">%s</label>
                <input id="username" name="username" autocomplete="username" autocapitalize="none" required autofocus>
                <label for="password">%s</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input name="_csrf" type="hidden" value="%s">
                <button type="submit">%s</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(text.language, text.title, text.title,
                locked ? "<p class=\"note error\">" + text.locked + "</p>"
                        : failed ? "<p class=\"note error\">" + text.failed + "</p>"
                        : signedOut ? "<p class=\"note info\">" + text.signedOut + "</p>" : "",
                text.username, text.password, csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()), text.submit);
    }

    private enum Text {
        CHINESE("zh-CN", "机关事务云 登录", "账号", "密码", "登录", "账号或密码不正确，请重试。", "您已退出登录。",
                "登录失败次数过多，请稍后再试（最长 15 分钟）。"),
        ENGLISH("en", "Agency Affairs Cloud sign-in", "Username", "Password", "Sign in",
                "Wrong username or password. Please try again.", "You have signed out.",
                "Too many failed attempts. Please try again later (at most 15 minutes).");

        final String language;
        final String title;
        final String username;
        final String password;
        final String submit;
        final String failed;
        final String signedOut;
        final String locked;

        Text(String language, String title, String username, String password, String submit, String failed,
             String signedOut, String locked) {
            this.language = language;
            this.title = title;
            this.username = username;
            this.password = password;
            this.submit = submit;
            this.failed = failed;
            this.signedOut = signedOut;
            this.locked = locked;
        }
    }
}
