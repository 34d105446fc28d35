//! The camera as a QR code reader: the rear camera opened (`getUserMedia`),
//! a frame read now and then by the browser's `BarcodeDetector` where it
//! reads QR codes, otherwise by the QR reader of `src/bin/qr-reader.rs` (a
//! wasm of its own, which the loader's `tolQrReader()` fetches only then, so
//! no first load carries it), and a short beep made by WebAudio (no sound
//! file). The page decides what a code means (`features::assessment::scan`).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the camera could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraError {
    /// The user or the browser's settings said no.
    Denied,
    /// No camera on the device (or none that fits).
    Absent,
    /// The camera is in use or failed to start.
    Busy,
    /// No camera access in this browser, or not over https.
    Unsupported,
}

impl CameraError {
    /// The kind of a `getUserMedia` rejection, by its `DOMException` name.
    fn of(name: &str) -> CameraError {
        match name {
            "NotAllowedError" | "SecurityError" | "PermissionDeniedError" => CameraError::Denied,
            "NotFoundError" | "OverconstrainedError" | "DevicesNotFoundError" => CameraError::Absent,
            _ => CameraError::Busy,
        }
    }
}

/// The camera's stream: the rear camera when there is one (a phone's or a
/// tablet's), 1280 × 720 when it can, without sound.
pub async fn open_camera() -> Result<web_sys::MediaStream, CameraError> {
    let devices = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"mediaDevices".into()).ok())
        .filter(|d| !d.is_undefined() && !d.is_null())
        .ok_or(CameraError::Unsupported)?;
    let devices: web_sys::MediaDevices = devices.unchecked_into();
    let video = js_sys::Object::new();
    let ideal = |v: JsValue| {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"ideal".into(), &v);
        o
    };
    let _ = js_sys::Reflect::set(&video, &"facingMode".into(), &ideal("environment".into()));
    let _ = js_sys::Reflect::set(&video, &"width".into(), &ideal(1280.into()));
    let _ = js_sys::Reflect::set(&video, &"height".into(), &ideal(720.into()));
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_video(&video);
    constraints.set_audio(&false.into());
    let promise = devices.get_user_media_with_constraints(&constraints).map_err(|_| CameraError::Unsupported)?;
    match JsFuture::from(promise).await {
        Ok(stream) => stream.dyn_into().map_err(|_| CameraError::Busy),
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
            Err(CameraError::of(&name))
        }
    }
}

/// Turns the camera off (its light too).
pub fn stop(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// The longest side of a frame given to the QR reader: a 720p camera's
/// frame as it is, a larger one scaled down so a read stays short.
const MAX_SIDE: u32 = 1280;

/// What reads the codes in a frame.
pub enum Reader {
    /// The browser's `BarcodeDetector` for QR codes.
    Native(JsValue),
    /// The QR reader wasm's module, and the canvas a frame is drawn on.
    Wasm(JsValue, web_sys::HtmlCanvasElement),
}

impl Reader {
    /// The browser's reader when it has one for QR codes, otherwise the QR
    /// reader wasm (fetched now); the Danish reason when neither can be had.
    pub async fn new() -> Result<Reader, &'static str> {
        if let Some(native) = native().await {
            return Ok(Reader::Native(native));
        }
        let unavailable = tid_og_lyst_core::assessment::da_scan::READER_UNAVAILABLE;
        let w = web_sys::window().ok_or(unavailable)?;
        let load = function(&w, "tolQrReader").ok_or(unavailable)?;
        let promise = load.call0(&w).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok()).ok_or(unavailable)?;
        let module = JsFuture::from(promise).await.map_err(|_| unavailable)?;
        let canvas = w
            .document()
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .ok_or(unavailable)?;
        Ok(Reader::Wasm(module, canvas))
    }

    /// Which reader this is, as the page tells it (`native` or `rust`).
    pub fn kind(&self) -> &'static str {
        match self {
            Reader::Native(_) => "native",
            Reader::Wasm(..) => "rust",
        }
    }

    /// The text of a QR code in the video's current frame, if one reads.
    pub async fn read(&self, video: &web_sys::HtmlVideoElement) -> Option<String> {
        // HAVE_CURRENT_DATA: a frame is there to read.
        if video.ready_state() < 2 || video.video_width() == 0 {
            return None;
        }
        match self {
            Reader::Native(detector) => {
                let detect = function(detector, "detect")?;
                let promise = detect.call1(detector, video).ok()?.dyn_into::<js_sys::Promise>().ok()?;
                let found = JsFuture::from(promise).await.ok()?;
                let found: js_sys::Array = found.dyn_into().ok()?;
                found.iter().find_map(|b| js_sys::Reflect::get(&b, &"rawValue".into()).ok()?.as_string())
            }
            Reader::Wasm(module, canvas) => {
                let (vw, vh) = (video.video_width(), video.video_height());
                let scale = (f64::from(MAX_SIDE) / f64::from(vw.max(vh))).min(1.0);
                let (w, h) = ((f64::from(vw) * scale) as u32, (f64::from(vh) * scale) as u32);
                if canvas.width() != w || canvas.height() != h {
                    canvas.set_width(w);
                    canvas.set_height(h);
                }
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into());
                let ctx: web_sys::CanvasRenderingContext2d =
                    canvas.get_context_with_context_options("2d", &options).ok()??.dyn_into().ok()?;
                ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w.into(), h.into()).ok()?;
                let frame = ctx.get_image_data(0.0, 0.0, w.into(), h.into()).ok()?;
                // The pixels stay a JavaScript array: the reader's glue
                // copies them once, into the reader's memory.
                let pixels = js_sys::Reflect::get(&frame, &"data".into()).ok()?;
                let read = function(module, "read")?;
                read.call3(&JsValue::NULL, &pixels, &w.into(), &h.into()).ok()?.as_string()
            }
        }
    }
}

/// The function `name` of `of`.
fn function(of: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(of, &name.into()).ok()?.dyn_into().ok()
}

/// A `BarcodeDetector` for QR codes, when the browser has one that reads them.
async fn native() -> Option<JsValue> {
    let w = web_sys::window()?;
    let class: js_sys::Function = js_sys::Reflect::get(&w, &"BarcodeDetector".into()).ok()?.dyn_into().ok()?;
    let formats = function(&class, "getSupportedFormats")?.call0(&class).ok()?;
    let formats = JsFuture::from(formats.dyn_into::<js_sys::Promise>().ok()?).await.ok()?;
    if !js_sys::Array::from(&formats).includes(&"qr_code".into(), 0) {
        return None;
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"formats".into(), &js_sys::Array::of1(&"qr_code".into()));
    js_sys::Reflect::construct(&class, &js_sys::Array::of1(&options)).ok()
}

/// Sound for the page: made in a tap (a browser plays no sound a page
/// starts by itself), then [`Sound::beep`] at each code read.
pub struct Sound(Option<web_sys::AudioContext>);

impl Sound {
    /// The page's sound, made in a tap or a click; silent where the
    /// browser has no WebAudio.
    pub fn in_gesture() -> Sound {
        let ctx = web_sys::AudioContext::new().ok();
        if let Some(c) = &ctx {
            let _ = c.resume();
        }
        Sound(ctx)
    }

    /// A short, clear beep (a 1,046 Hz sine for 0.15 s, faded in and out).
    pub fn beep(&self) {
        let Some(ctx) = &self.0 else { return };
        let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else { return };
        osc.set_type(web_sys::OscillatorType::Sine);
        osc.frequency().set_value(1046.5);
        let t = ctx.current_time();
        let level = gain.gain();
        let _ = level.set_value_at_time(0.0, t);
        let _ = level.linear_ramp_to_value_at_time(0.25, t + 0.02);
        let _ = level.linear_ramp_to_value_at_time(0.0, t + 0.15);
        if osc.connect_with_audio_node(&gain).is_ok() && gain.connect_with_audio_node(&ctx.destination()).is_ok() {
            let _ = osc.start_with_when(t);
            let _ = osc.stop_with_when(t + 0.16);
        }
    }

    /// Lets the sound go (the page is left).
    pub fn close(&self) {
        if let Some(c) = &self.0 {
            let _ = c.close();
        }
    }
}
