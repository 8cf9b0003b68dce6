package org.motcua.web.pages;

import java.util.List;
import org.motcua.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The supervisor's dashboard (/supervisor/dashboard). */
public class DashboardPage {

  private final Browser browser;

  public DashboardPage(Browser browser) {
    this.browser = browser;
  }

  public static DashboardPage open(Browser browser, String query) {
    browser.go("/supervisor/dashboard" + (query == null ? "" : "?" + query));
    return new DashboardPage(browser);
  }

  /** An indicator as shown, e.g. kpi("received") → "3", kpi("onTimeRate") → "100,0%". */
  public String kpi(String name) {
    return browser.text(By.id("kpi-" + name));
  }

  public long count(String name) {
    return Long.parseLong(kpi(name));
  }

  /** True once Chart.js has drawn the results chart (it sets the canvas size). */
  public boolean chartDrawn() {
    return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript(
        "return typeof Chart !== 'undefined' && Chart.getChart('chart-results') !== undefined;"));
  }

  /** The ids of the canvases Chart.js has drawn a chart on. */
  @SuppressWarnings("unchecked")
  public List<String> chartsDrawn() {
    return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
        "return Array.from(document.querySelectorAll('canvas')).filter(function (c) {"
            + " return Chart.getChart(c) !== undefined; }).map(function (c) { return c.id; });");
  }

  public List<Object> download(String linkId) {
    return browser.download(By.id(linkId));
  }

  public String unitsTable() {
    return browser.text(By.id("units"));
  }
}
