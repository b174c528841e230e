//! Entry point: mounts the yew app in the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    marginalia::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Marginalia runs in a browser: `make serve` builds it and serves it at http://127.0.0.1:8080");
}
