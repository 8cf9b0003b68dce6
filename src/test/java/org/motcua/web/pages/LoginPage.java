package org.motcua.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.motcua.web.Browser;
import org.openqa.selenium.By;

/** The login page (/login): demo users sign in with password demo (admin: admin). */
public class LoginPage {

  private final Browser browser;

  public LoginPage(Browser browser) {
    this.browser = browser;
  }

  public static LoginPage open(Browser browser) {
    browser.forget();
    browser.go("/login");
    return new LoginPage(browser);
  }

  public String heading() {
    return browser.text(By.tagName("h1"));
  }

  /** Signs in and returns the path of the page the role lands on. */
  public String signIn(String username) {
    fill(username, username.equals("admin") ? "admin" : "demo");
    assertThat(browser.has(By.id("login-error"))).as("login of %s failed", username).isFalse();
    return browser.path();
  }

  public LoginPage fill(String username, String password) {
    browser.find(By.id("username")).sendKeys(username);
    browser.find(By.id("password")).sendKeys(password);
    browser.clickAndWait(By.id("login-submit"));
    return this;
  }

  public boolean showsError() {
    return browser.has(By.id("login-error"));
  }
}
