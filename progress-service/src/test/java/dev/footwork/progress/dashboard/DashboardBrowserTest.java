package dev.footwork.progress.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.vocabulary.PlanContent.PlanStatus;
import dev.footwork.progress.ServiceQuarkusTest;
import dev.footwork.progress.application.EvaluatePlans;
import dev.footwork.progress.domain.Session;
import dev.footwork.progress.domain.WorkedExample;
import dev.footwork.progress.support.Chromium;
import dev.footwork.progress.support.ProgressEvents;
import dev.footwork.progress.support.TestClock;
import dev.footwork.support.security.Roles;
import dev.footwork.testkit.DevTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The clinician dashboard in a real headless Chromium: the seeded patient's numbers and charts,
 * then a new completion shown without reloading the page.
 */
@ServiceQuarkusTest
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant AT = WorkedExample.ASSESSED_AT;
    private static final Path SCREENSHOT = Path.of("target/dashboard.png");

    private static ChromeDriver browser;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI base;

    @Inject TestClock clock;
    @Inject EvaluatePlans evaluator;

    @BeforeAll
    static void openBrowser() throws Exception {
        Chromium.ensureInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1400,1300");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Chromium.DRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void runTheClock() {
        clock.run();
    }

    @Test
    void showsTheSeededPatientAndANewCompletionWithoutAReload() throws Exception {
        clock.stopAt(AT);
        String clinic = "clinic-d" + UUID.randomUUID().toString().substring(0, 6);
        ProgressEvents events = new ProgressEvents(bootstrapServers, clinic);
        String patient = ProgressEvents.newPatient();
        UUID plan = UUID.randomUUID();
        events.planIssued(
                plan,
                patient,
                WorkedExample.plan(PlanStatus.ACTIVE),
                AT.minus(20, ChronoUnit.DAYS));
        WorkedExample.sessions()
                .forEach(
                        s ->
                                events.publish(
                                        events.completion(
                                                plan, patient, s.exercise(), s.session(), s.at())));
        String token = DevTokens.shared().token(Roles.CLINICIAN, clinic).sign();
        awaitCompleted(token, patient, 17);
        evaluator.evaluateDue(AT);

        try {
            browser.get(
                    base.resolve("/dashboard/#token=" + token + "&patient=" + patient).toString());
            awaitField("completedSessions", "17");
            assertThat(field("volume")).isEqualTo("1332");
            assertThat(field("maxPain")).isEqualTo("6");
            assertThat(field("adherencePercent")).isEqualTo("76.2");
            assertThat(field("adherenceLast7DaysPercent")).isEqualTo("62.5");
            assertThat(field("painTrend")).isEqualTo("RISING");
            assertThat(browser.getCurrentUrl())
                    .as("the token leaves the address bar")
                    .doesNotContain(token);
            String row = "#worklist tr[data-patient='" + patient + "']";
            new WebDriverWait(browser, WAIT)
                    .until(d -> !d.findElements(By.cssSelector(row)).isEmpty());
            assertThat(browser.findElement(By.cssSelector(row)).getText())
                    .contains(patient, "54", "PAIN");
            for (String chart : List.of("chart-adherence", "chart-pain", "chart-volume")) {
                assertThat(browser.findElements(By.cssSelector("#" + chart + " canvas")))
                        .as(chart)
                        .isNotEmpty();
            }
            assertThat(seriesData("chart-volume", 0)).isEqualTo("432,540,360");
            assertThat(seriesData("chart-adherence", 0)).startsWith("87.5,87.5,25,");
            assertThat(seriesData("chart-pain", 0)).startsWith("1.4,2,5,");

            ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
            new WebDriverWait(browser, WAIT)
                    .until(d -> "live".equals(d.findElement(By.id("live-status")).getText()));
            events.publish(
                    events.completion(
                            plan,
                            patient,
                            WorkedExample.TOWEL_LEFT,
                            new Session(3, 12, 2, 3),
                            Instant.parse("2026-11-18T08:00:00Z")));

            awaitField("completedSessions", "18");
            assertThat(field("volume")).isEqualTo(String.valueOf(1332 + 72));
            assertThat(seriesData("chart-volume", 0)).isEqualTo("504,540,360");
            assertThat(
                            ((JavascriptExecutor) browser)
                                    .executeScript("return window.notReloaded === true;"))
                    .isEqualTo(true);
        } finally {
            Files.createDirectories(SCREENSHOT.getParent());
            Files.copy(
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOT,
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void awaitField(String name, String value) {
        new WebDriverWait(browser, WAIT).until(d -> value.equals(field(name)));
    }

    private String field(String name) {
        return browser.findElement(By.cssSelector("#patient [data-field='" + name + "']"))
                .getText();
    }

    private String seriesData(String chart, int series) {
        Object data =
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                                        + ".getOption().series[arguments[1]].data.join(',');",
                                chart,
                                series);
        return String.valueOf(data);
    }

    private static void awaitCompleted(String token, String patient, int sessions) {
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(
                        () ->
                                io.restassured.RestAssured.given()
                                        .header("Authorization", "Bearer " + token)
                                        .get("/api/v1/patients/" + patient + "/progress")
                                        .then()
                                        .extract()
                                        .response(),
                        r ->
                                r.statusCode() == 200
                                        && r.<Integer>path("completedSessions") == sessions);
    }
}
