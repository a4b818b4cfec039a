//! The few JNI calls the library makes, over the raw interface (`jni-sys`): the per-row path
//! cannot afford more than a function-table call, and the rest is too small to need more.
//!
//! Every function here is called on the JVM thread that called into the library, with the
//! `JNIEnv` it was given; a failure leaves a pending Java exception and returns `None` (or null).

use std::ffi::{CStr, CString};

use jni_sys::{
    JNIEnv, jbyte, jbyteArray, jint, jintArray, jlong, jlongArray, jobject, jobjectArray, jsize, jstring, jvalue,
};

/// The function `$name` of the JNI function table.
macro_rules! jni_call {
    ($env:expr, $name:ident $(, $arg:expr)*) => {{
        let env: *mut JNIEnv = $env;
        // SAFETY: `env` is the JNIEnv the JVM passed to the native method running on this thread;
        // every JNI 1.6 function table has this entry.
        unsafe { ((**env).v1_6.$name)(env $(, $arg)*) }
    }};
}

/// A STRING argument as Java hands it over: the `byte[]` (or null: off-heap), the offset (or the
/// address), the length in bytes.
pub(crate) type StringRef = (jobject, jlong, jint);

/// The calling thread's JNI environment.
pub(crate) struct Jvm {
    env: *mut JNIEnv,
}

impl Jvm {
    pub(crate) fn new(env: *mut JNIEnv) -> Self {
        Jvm { env }
    }

    fn pending_exception(&self) -> bool {
        jni_call!(self.env, ExceptionCheck)
    }

    /// The bytes of a Java `byte[]`.
    pub(crate) fn byte_array(&self, array: jbyteArray) -> Option<Vec<u8>> {
        if array.is_null() {
            self.throw("java/lang/NullPointerException", "a module's bytes are null");
            return None;
        }
        let len = jni_call!(self.env, GetArrayLength, array);
        let mut bytes = vec![0u8; len.max(0) as usize];
        jni_call!(
            self.env,
            GetByteArrayRegion,
            array,
            0,
            len,
            bytes.as_mut_ptr().cast::<jbyte>()
        );
        (!self.pending_exception()).then_some(bytes)
    }

    /// `len` bytes at `offset` of the `byte[]` `base`, or at address `offset` when `base` is null
    /// (a `UTF8String` over off-heap memory, which Spark owns and vouches for).
    pub(crate) fn string_bytes(&self, base: jobject, offset: jlong, len: jint) -> Option<Vec<u8>> {
        let Ok(count) = usize::try_from(len) else {
            self.throw("java/lang/IllegalArgumentException", "a string of negative length");
            return None;
        };
        let mut bytes = vec![0u8; count];
        if base.is_null() {
            if count > 0 {
                // SAFETY: Spark's off-heap `UTF8String` holds `len` readable bytes at this address;
                // the JVM is trusted, the guest never sees the address.
                let source = unsafe { std::slice::from_raw_parts(offset as usize as *const u8, count) };
                bytes.copy_from_slice(source);
            }
            return Some(bytes);
        }
        let Ok(start) = jsize::try_from(offset) else {
            self.throw("java/lang/IllegalArgumentException", "a string offset past 2 GiB");
            return None;
        };
        // JNI checks the range and raises ArrayIndexOutOfBoundsException when it is wrong.
        jni_call!(
            self.env,
            GetByteArrayRegion,
            base,
            start,
            len,
            bytes.as_mut_ptr().cast::<jbyte>()
        );
        (!self.pending_exception()).then_some(bytes)
    }

    /// The arguments of a `callRow`: words, and (base, offset, length) per argument.
    pub(crate) fn row_arrays(
        &self,
        words: jlongArray,
        bases: jobjectArray,
        offsets: jlongArray,
        lengths: jintArray,
    ) -> Option<(Vec<jlong>, Vec<StringRef>)> {
        if words.is_null() || bases.is_null() || offsets.is_null() || lengths.is_null() {
            self.throw("java/lang/NullPointerException", "a row's arrays are null");
            return None;
        }
        let arity = jni_call!(self.env, GetArrayLength, words);
        let same = [bases, offsets, lengths]
            .iter()
            .all(|array| jni_call!(self.env, GetArrayLength, *array) == arity);
        if !same {
            self.throw("java/lang/IllegalArgumentException", "a row's arrays differ in length");
            return None;
        }
        let count = arity.max(0) as usize;
        let mut word_values = vec![0 as jlong; count];
        let mut offset_values = vec![0 as jlong; count];
        let mut length_values = vec![0 as jint; count];
        jni_call!(self.env, GetLongArrayRegion, words, 0, arity, word_values.as_mut_ptr());
        jni_call!(
            self.env,
            GetLongArrayRegion,
            offsets,
            0,
            arity,
            offset_values.as_mut_ptr()
        );
        jni_call!(
            self.env,
            GetIntArrayRegion,
            lengths,
            0,
            arity,
            length_values.as_mut_ptr()
        );
        let mut strings = Vec::with_capacity(count);
        for index in 0..arity {
            let base = jni_call!(self.env, GetObjectArrayElement, bases, index);
            strings.push((base, offset_values[index as usize], length_values[index as usize]));
        }
        (!self.pending_exception()).then_some((word_values, strings))
    }

    /// A Java string's text (signatures and digests: ASCII).
    pub(crate) fn string(&self, text: jstring) -> Option<String> {
        if text.is_null() {
            self.throw("java/lang/NullPointerException", "a string argument is null");
            return None;
        }
        let chars = jni_call!(self.env, GetStringUTFChars, text, std::ptr::null_mut());
        if chars.is_null() {
            return None;
        }
        // SAFETY: GetStringUTFChars returned a NUL-terminated buffer, released just below.
        let owned = unsafe { CStr::from_ptr(chars) }.to_string_lossy().into_owned();
        jni_call!(self.env, ReleaseStringUTFChars, text, chars);
        Some(owned)
    }

    /// A Java string of any text (from UTF-16: JNI's "UTF" functions speak modified UTF-8,
    /// which differs for NUL and characters outside the BMP, and messages quote user strings).
    pub(crate) fn new_string(&self, text: &str) -> jstring {
        let units: Vec<u16> = text.encode_utf16().collect();
        let Ok(len) = jsize::try_from(units.len()) else {
            self.throw("java/lang/OutOfMemoryError", "a message past 2 GiB");
            return std::ptr::null_mut();
        };
        jni_call!(self.env, NewString, units.as_ptr(), len)
    }

    /// A `String[]`.
    pub(crate) fn new_string_array(&self, items: &[String]) -> jobjectArray {
        let class = jni_call!(self.env, FindClass, c"java/lang/String".as_ptr());
        if class.is_null() {
            return std::ptr::null_mut();
        }
        let array = jni_call!(
            self.env,
            NewObjectArray,
            items.len() as jsize,
            class,
            std::ptr::null_mut()
        );
        if array.is_null() {
            return array;
        }
        for (index, item) in items.iter().enumerate() {
            let value = self.new_string(item);
            if value.is_null() {
                return std::ptr::null_mut();
            }
            jni_call!(self.env, SetObjectArrayElement, array, index as jsize, value);
            jni_call!(self.env, DeleteLocalRef, value);
        }
        array
    }

    pub(crate) fn new_long_array(&self, values: &[jlong]) -> jlongArray {
        let array = jni_call!(self.env, NewLongArray, values.len() as jsize);
        if !array.is_null() {
            jni_call!(
                self.env,
                SetLongArrayRegion,
                array,
                0,
                values.len() as jsize,
                values.as_ptr()
            );
        }
        array
    }

    pub(crate) fn new_byte_array(&self, bytes: &[u8]) -> jbyteArray {
        let Ok(len) = jsize::try_from(bytes.len()) else {
            self.throw("java/lang/OutOfMemoryError", "a string result past 2 GiB");
            return std::ptr::null_mut();
        };
        let array = jni_call!(self.env, NewByteArray, len);
        if !array.is_null() {
            jni_call!(
                self.env,
                SetByteArrayRegion,
                array,
                0,
                len,
                bytes.as_ptr().cast::<jbyte>()
            );
        }
        array
    }

    /// Throws `io.wasmudf.spark.WasmUdfException(kind, message)`.
    pub(crate) fn throw_udf_error(&self, kind: &str, message: &str) {
        if self.pending_exception() {
            return;
        }
        let class = jni_call!(self.env, FindClass, c"io/wasmudf/spark/WasmUdfException".as_ptr());
        if class.is_null() {
            return;
        }
        let constructor = jni_call!(
            self.env,
            GetMethodID,
            class,
            c"<init>".as_ptr(),
            c"(Ljava/lang/String;Ljava/lang/String;)V".as_ptr()
        );
        if constructor.is_null() {
            return;
        }
        let kind = self.new_string(kind);
        if kind.is_null() {
            return;
        }
        let message = self.new_string(message);
        if message.is_null() {
            return;
        }
        let args = [jvalue { l: kind }, jvalue { l: message }];
        let error = jni_call!(self.env, NewObjectA, class, constructor, args.as_ptr());
        if !error.is_null() {
            jni_call!(self.env, Throw, error);
        }
    }

    fn throw(&self, class: &str, message: &str) {
        let (Ok(class), Ok(message)) = (CString::new(class), CString::new(message)) else {
            return;
        };
        let class = jni_call!(self.env, FindClass, class.as_ptr());
        if !class.is_null() {
            jni_call!(self.env, ThrowNew, class, message.as_ptr());
        }
    }
}
