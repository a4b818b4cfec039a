package io.wasmudf.spark;

import org.apache.spark.sql.connector.catalog.functions.BoundFunction;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A catalog function before Spark knows its arguments. {@link #bind} checks them against the
 * module's signature: a column is passed to a parameter only where its values keep their meaning
 * (integer widening; integers and FLOAT to DOUBLE and DOUBLE to FLOAT, rounded to the nearest
 * value the parameter holds; BIGINT to INT checked value by value, and a DOUBLE beyond FLOAT's
 * range refused). Anything else (a fraction to an integer, text to a number, ...) is refused with
 * the parameter, its C type and the CAST that would make the call explicit.
 */
final class UnboundWasmFunction implements UnboundFunction {
  private final WasmModule module;
  private final WasmLimits limits;

  UnboundWasmFunction(WasmModule module, WasmLimits limits) {
    this.module = module;
    this.limits = limits;
  }

  @Override
  public String name() {
    return module.sqlName();
  }

  @Override
  public String description() {
    StringBuilder text = new StringBuilder(module.signature()).append(" -- C: ");
    text.append(cReturn()).append(' ').append(module.functionName()).append('(');
    for (int i = 0; i < module.paramNames().size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(WasmModule.cType(module.paramTypes().get(i))).append(' ').append(module.paramNames().get(i));
    }
    return text.append("); sandboxed WebAssembly, sha256 ").append(module.digest()).toString();
  }

  private String cReturn() {
    return WasmModule.cType(module.returnType());
  }

  @Override
  public BoundFunction bind(StructType inputType) {
    StructField[] fields = inputType.fields();
    int arity = module.paramTypes().size();
    if (fields.length != arity) {
      throw new UnsupportedOperationException(
          "wasm." + module.sqlName() + " takes " + arity + " argument" + (arity == 1 ? "" : "s")
              + " (" + module.signature() + "), not " + fields.length);
    }
    DataType[] declared = new DataType[arity];
    boolean[] narrowed = new boolean[arity];
    boolean nullable = false;
    for (int i = 0; i < arity; i++) {
      DataType given = fields[i].dataType();
      String param = module.paramTypes().get(i);
      nullable |= fields[i].nullable();
      DataType exact = sparkType(param);
      if (given instanceof NullType || given.equals(exact)) {
        declared[i] = exact;
      } else if (param.equals("INT") && given instanceof LongType) {
        declared[i] = DataTypes.LongType;
        narrowed[i] = true;
      } else if (param.equals("FLOAT") && given instanceof DoubleType) {
        declared[i] = DataTypes.DoubleType;
        narrowed[i] = true;
      } else if (widens(given, param)) {
        declared[i] = exact; // Spark casts the column: no value changes
      } else {
        throw refused(i, given);
      }
    }
    return switch (module.returnType()) {
      case "INT" -> new WasmIntFunction(module, declared, narrowed, nullable, limits);
      case "BIGINT" -> new WasmBigIntFunction(module, declared, narrowed, nullable, limits);
      case "FLOAT" -> new WasmFloatFunction(module, declared, narrowed, nullable, limits);
      case "DOUBLE" -> new WasmDoubleFunction(module, declared, narrowed, nullable, limits);
      case "BOOLEAN" -> new WasmBooleanFunction(module, declared, narrowed, nullable, limits);
      case "STRING" -> new WasmStringFunction(module, declared, narrowed, nullable, limits);
      default -> throw new UnsupportedOperationException("unknown return type " + module.returnType());
    };
  }

  static DataType sparkType(String sqlType) {
    return switch (sqlType) {
      case "INT" -> DataTypes.IntegerType;
      case "BIGINT" -> DataTypes.LongType;
      case "FLOAT" -> DataTypes.FloatType;
      case "DOUBLE" -> DataTypes.DoubleType;
      case "BOOLEAN" -> DataTypes.BooleanType;
      case "STRING" -> DataTypes.StringType;
      default -> throw new IllegalArgumentException("unknown SQL type " + sqlType);
    };
  }

  /** Conversions that keep every value: Spark's cast does them. */
  private static boolean widens(DataType given, String param) {
    boolean smallInteger = given instanceof ByteType || given instanceof ShortType;
    boolean integer = smallInteger || given instanceof IntegerType || given instanceof LongType;
    return switch (param) {
      case "INT" -> smallInteger;
      case "BIGINT" -> smallInteger || given instanceof IntegerType;
      case "DOUBLE" -> integer || given instanceof FloatType;
      case "STRING" -> given instanceof StringType;
      default -> false;
    };
  }

  private UnsupportedOperationException refused(int index, DataType given) {
    String param = module.paramTypes().get(index);
    String why =
        given instanceof BooleanType || param.equals("BOOLEAN")
            ? ""
            : (param.equals("STRING") || given instanceof StringType)
                ? ""
                : " without changing values";
    return new UnsupportedOperationException(
        "wasm." + module.sqlName() + ": argument " + (index + 1) + " is " + given.sql()
            + ", which parameter `" + module.paramNames().get(index) + "` (" + param + ", C "
            + WasmModule.cType(param) + ") cannot take" + why + "; CAST it explicitly, e.g. CAST(x AS "
            + param + ")");
  }
}
