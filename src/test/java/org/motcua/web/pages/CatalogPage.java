package org.motcua.web.pages;

import java.util.List;
import org.motcua.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The public catalogue (/procedures) and one procedure's page. */
public class CatalogPage {

  private final Browser browser;

  public CatalogPage(Browser browser) {
    this.browser = browser;
  }

  public static CatalogPage open(Browser browser) {
    browser.go("/procedures");
    return new CatalogPage(browser);
  }

  /** Types the words and submits the search form (the page also works without JavaScript). */
  public CatalogPage search(String words) {
    WebElement q = browser.find(By.id("q"));
    q.clear();
    q.sendKeys(words);
    browser.find(By.id("search")).click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("q="));
    return this;
  }

  public List<String> names() {
    // The list may be replaced (the next page, or htmx's swap) while it is read: read it again if so.
    return browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElements(By.cssSelector(".procedure h2")).stream().map(WebElement::getText).toList());
  }

  public CatalogPage openProcedure(String code) {
    browser.clickAndWait(By.cssSelector("li[data-code='" + code + "'] h2 a"));
    return this;
  }

  public String facts() {
    return browser.text(By.cssSelector(".facts"));
  }

  public String components() {
    return browser.text(By.cssSelector(".components"));
  }

  public SubmitPage submitOnline() {
    browser.clickAndWait(By.id("submit-online"));
    return new SubmitPage(browser);
  }
}
